// The bell's list is grouped by the day each notification came, in the viewer's zone.
import { todayIn } from "@/server/services/date-time";

/** The day before `day` ("2026-03-01" -> "2026-02-28"), by the calendar, whatever the zone's clock did. */
export function dayBefore(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date - 1)).toISOString().slice(0, 10);
}

export type DayGroup<T> = { day: string; label: "Today" | "Yesterday" | null; items: T[] };

/** Items (newest first) in runs of one day each; today's and yesterday's are named, older ones carry their day. */
export function groupByDay<T extends { createdAt: Date }>(items: T[], timeZone: string, now: Date = new Date()): DayGroup<T>[] {
  const today = todayIn(timeZone, now);
  const yesterday = dayBefore(today);
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const day = todayIn(timeZone, item.createdAt);
    const last = groups.at(-1);
    if (last?.day === day) last.items.push(item);
    else groups.push({ day, label: day === today ? "Today" : day === yesterday ? "Yesterday" : null, items: [item] });
  }
  return groups;
}
