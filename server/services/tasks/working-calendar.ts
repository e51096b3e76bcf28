// A person's working time as instants: each working day (their working days,
// not a public holiday of the workspace's country, not time off) has one block
// of hours starting at 09:00 in their zone, as long as their weekly capacity
// spread over their working days. Work is laid into those blocks forwards
// (when will it finish?) or backwards (when must it start?).
import { todayIn } from "@/server/services/date-time/format";
import { instantAt } from "@/server/services/date-time/wall-clock";
import { addDays, publicHolidays } from "@/server/services/timeline/business-days";

export const WORKDAY_START_MINUTES = 9 * 60;
/** The default for work nobody has taken yet: a business day of 8 hours. */
export const DEFAULT_HOURS_PER_DAY = 8;
const HOUR_MS = 3_600_000;
/** Ten years of days: work that doesn't fit in them never finishes (a calendar with no hours at all). */
const MAX_DAYS = 3660;

export interface WorkCalendar {
  timeZone: string;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  workingDays: number[];
  hoursPerDay: number;
  /** The workspace's holiday country; null: weekends only (as business days count them). */
  country: string | null;
  /** Days off, inclusive, as "YYYY-MM-DD". */
  timeOff: { startDate: string; endDate: string }[];
}

/** A member's calendar from their profile: weekly capacity over their working days, capped at the 15 hours left after 09:00. */
export function memberCalendar(input: Omit<WorkCalendar, "hoursPerDay"> & { weeklyCapacityHours: number }): WorkCalendar {
  const hoursPerDay = input.workingDays.length > 0 ? Math.min(15, input.weeklyCapacityHours / input.workingDays.length) : 0;
  const { weeklyCapacityHours: _weekly, ...rest } = input;
  return { ...rest, hoursPerDay };
}

/** The workspace's default: Monday to Friday, 8 hours, its holidays. */
export function defaultCalendar(input: { timeZone: string; country: string | null }): WorkCalendar {
  return { timeZone: input.timeZone, country: input.country, workingDays: [1, 2, 3, 4, 5], hoursPerDay: DEFAULT_HOURS_PER_DAY, timeOff: [] };
}

const isoWeekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() || 7;

export function isWorkingDay(calendar: WorkCalendar, day: string): boolean {
  if (!calendar.workingDays.includes(isoWeekday(day))) return false;
  if (calendar.country !== null && publicHolidays(calendar.country, Number(day.slice(0, 4))).has(day)) return false;
  return !calendar.timeOff.some((off) => off.startDate <= day && day <= off.endDate);
}

/** The working block of `day`, as instants, or null on a day off. */
function block(calendar: WorkCalendar, day: string): [number, number] | null {
  if (calendar.hoursPerDay <= 0 || !isWorkingDay(calendar, day)) return null;
  const start = instantAt(day, WORKDAY_START_MINUTES, calendar.timeZone).getTime();
  return [start, start + calendar.hoursPerDay * HOUR_MS];
}

/** When `hours` of work started at `from` finishes; Infinity when the calendar never has the time. */
export function addWorkingHours(calendar: WorkCalendar, from: number, hours: number): number {
  if (hours <= 0) return from;
  let left = hours * HOUR_MS;
  let day = todayIn(calendar.timeZone, new Date(from));
  for (let i = 0; i < MAX_DAYS; i++, day = addDays(day, 1)) {
    const hours = block(calendar, day);
    if (!hours) continue;
    const start = Math.max(hours[0], from);
    if (start >= hours[1]) continue;
    if (start + left <= hours[1]) return start + left;
    left -= hours[1] - start;
  }
  return Number.POSITIVE_INFINITY;
}

/** When `hours` of work must start to finish by `until`; -Infinity when the calendar never has the time. */
export function subtractWorkingHours(calendar: WorkCalendar, until: number, hours: number): number {
  if (hours <= 0) return until;
  let left = hours * HOUR_MS;
  let day = todayIn(calendar.timeZone, new Date(until));
  for (let i = 0; i < MAX_DAYS; i++, day = addDays(day, -1)) {
    const hours = block(calendar, day);
    if (!hours) continue;
    const end = Math.min(hours[1], until);
    if (end <= hours[0]) continue;
    if (end - left >= hours[0]) return end - left;
    left -= end - hours[0];
  }
  return Number.NEGATIVE_INFINITY;
}

/** Working hours between two instants (negative when `to` is before `from`). */
export function workingHoursBetween(calendar: WorkCalendar, from: number, to: number): number {
  if (to < from) return -workingHoursBetween(calendar, to, from);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return Number.POSITIVE_INFINITY;
  let total = 0;
  let day = todayIn(calendar.timeZone, new Date(from));
  const last = todayIn(calendar.timeZone, new Date(to));
  for (let i = 0; i < MAX_DAYS && day <= last; i++, day = addDays(day, 1)) {
    const hours = block(calendar, day);
    if (hours) total += Math.max(0, Math.min(hours[1], to) - Math.max(hours[0], from));
  }
  return total / HOUR_MS;
}
