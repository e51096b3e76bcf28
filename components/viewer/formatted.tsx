"use client";

// Dates, numbers and money written in the viewer's zone and locale, as elements
// a page can drop in where it used to write text itself.
import { formatDate, formatDateTime, formatDay, formatDayRange, formatMoney, formatNumber, formatTime } from "@/server/services/date-time";
import { useViewer } from "./viewer-context";

/** An instant as a <time> element: "Mi., 9. Dez. 2026, 04:00", or its day only. */
export function DateTime({ value, dateOnly = false }: { value: Date; dateOnly?: boolean }) {
  const viewer = useViewer();
  return <time dateTime={value.toISOString()}>{dateOnly ? formatDate(viewer, value) : formatDateTime(viewer, value)}</time>;
}

/** An instant's time of day as a <time> element, for lists already grouped by day: "04:00". */
export function Time({ value }: { value: Date }) {
  const viewer = useViewer();
  return <time dateTime={value.toISOString()}>{formatTime(viewer, value)}</time>;
}

/** A calendar day ("2026-12-09") as a <time> element: "Mi., 9. Dez. 2026". */
export function Day({ value }: { value: string }) {
  const viewer = useViewer();
  return <time dateTime={value}>{formatDay(viewer, value)}</time>;
}

/** A run of calendar days: "1. Dez. – 23. Dez. 2026". */
export function DayRange({ start, end }: { start: string; end: string }) {
  const viewer = useViewer();
  return <span>{formatDayRange(viewer, start, end)}</span>;
}

/** An exact amount in its currency: "18.000,00 $". */
export function Money({ amount, currency }: { amount: string | null; currency: string }) {
  const viewer = useViewer();
  return <>{formatMoney(viewer, amount, currency)}</>;
}

/** A count in the viewer's digits: "25.000". */
export function FormattedNumber({ value }: { value: number }) {
  const viewer = useViewer();
  return <>{formatNumber(viewer, value)}</>;
}
