"use client";

import { useViewer } from "@/components/viewer/viewer-context";
import { formatDateTime } from "@/server/services/date-time";

// Scheduled times are instants; people read and enter them in their own zone
// (the viewer's, which the server knows from the first response), and the zone
// goes to the server with every schedule.

/** The viewer's IANA time zone ("Europe/Berlin"), the same on the server and in the browser. */
export function useViewerTimeZone(): string {
  return useViewer().timeZone;
}

/** A scheduled time in the viewer's zone and locale ("Wed, Mar 9, 2026, 9:00 AM"), or "Not scheduled". */
export function ScheduledTime({ at }: { at: Date | null }) {
  const viewer = useViewer();
  if (!at) return <span className="text-slate-500">Not scheduled</span>;
  return <time dateTime={at.toISOString()}>{formatDateTime(viewer, at)}</time>;
}
