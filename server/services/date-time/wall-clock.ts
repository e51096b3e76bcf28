import { TZDate } from "@date-fns/tz";

/**
 * The instant a zone's clocks read `minutes` past midnight on `day` ("2026-12-14",
 * 17 * 60 for 17:00). A time the clocks skip moves forward by the gap, as TZDate does.
 */
export function instantAt(day: string, minutes: number, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, 0, minutes, timeZone).getTime());
}
