// Hours a member can give in a week, and whether they are away on a day: the
// arithmetic the workload chart and auto-assignment share. Pure, on calendar
// days ("2026-12-14"); weeks start on Monday.
//
// A week's capacity is the member's weekly hours spread evenly over their working
// days, less the working days they are off or that are public holidays of the
// workspace's country: 40 h over Monday to Friday with one day off is 32 h. Days
// are calendar days in each one's own calendar (time off in the member's, holidays
// in the country's), not converted between zones.
import { addDays, publicHolidays } from "@/server/services/timeline/business-days";

export interface DayRange {
  startDate: string;
  endDate: string;
}

export interface CapacityProfile {
  weeklyCapacityHours: number;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  workingDays: number[];
  timeOff: DayRange[];
}

/** 1 = Monday ... 7 = Sunday. */
export function isoWeekday(day: string): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The Monday of the week `day` falls in. */
export function weekStartOf(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** `count` Mondays from the week of `day` on. */
export function weeksFrom(day: string, count: number): string[] {
  const first = weekStartOf(day);
  return Array.from({ length: count }, (_, i) => addDays(first, 7 * i));
}

export function isOff(timeOff: DayRange[], day: string): boolean {
  return timeOff.some((range) => range.startDate <= day && day <= range.endDate);
}

/** A public holiday of the workspace's country, on whichever weekday it falls (someone may work Saturdays). */
function isHoliday(day: string, holidayCountry: string | null): boolean {
  return holidayCountry !== null && publicHolidays(holidayCountry, Number(day.slice(0, 4))).has(day);
}

/** The hours `profile` can give in the week starting `monday`, to one decimal. */
export function weekCapacity(profile: CapacityProfile, monday: string, holidayCountry: string | null): number {
  const working = new Set(profile.workingDays);
  if (working.size === 0 || profile.weeklyCapacityHours === 0) return 0;
  let available = 0;
  for (let i = 0; i < 7; i++) {
    const day = addDays(monday, i);
    if (!working.has(isoWeekday(day))) continue;
    if (isOff(profile.timeOff, day) || isHoliday(day, holidayCountry)) continue;
    available++;
  }
  return Math.round(((profile.weeklyCapacityHours * available) / working.size) * 10) / 10;
}

/** The member's last working day before `day` (a week back at most; `day` itself when they work no day at all). */
export function previousWorkingDay(workingDays: number[], day: string): string {
  for (let i = 1; i <= 7; i++) {
    const before = addDays(day, -i);
    if (workingDays.includes(isoWeekday(before))) return before;
  }
  return day;
}
