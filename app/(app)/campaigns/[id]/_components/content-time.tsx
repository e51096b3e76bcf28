"use client";

import { format } from "date-fns";
import { useSyncExternalStore } from "react";
import { browserTimeZone } from "@/components/browser-time-zone";

// Scheduled times are instants; people read and enter them in their browser's
// time zone, which the server doesn't know while rendering. So times render once
// the browser has taken over, and the zone goes to the server with every schedule.

const noSubscription = () => () => {};

/** The browser's IANA time zone ("Europe/Berlin"); null while rendering on the server. */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(noSubscription, browserTimeZone, () => null);
}

/** "2026-03-09T09:00" for an instant, in the browser's zone, as a datetime-local input wants it. */
export function toLocalInputValue(date: Date): string {
  return format(date, "yyyy-MM-dd'T'HH:mm");
}

/** A scheduled time in the viewer's zone ("Mar 9, 2026, 9:00 AM"), or "Not scheduled". */
export function ScheduledTime({ at }: { at: Date | null }) {
  const timeZone = useBrowserTimeZone();
  if (!at) return <span className="text-slate-500">Not scheduled</span>;
  return (
    <time dateTime={at.toISOString()} suppressHydrationWarning>
      {timeZone ? at.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short", timeZone }) : at.toISOString().slice(0, 16).replace("T", " ") + " UTC"}
    </time>
  );
}
