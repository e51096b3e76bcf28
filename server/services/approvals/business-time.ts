// When an approval stage's timeout falls: business days keep the wall-clock time
// (as task escalations do); business hours count only the working day of the
// workspace (09:00-17:00 in its zone, on business days: weekends and its
// country's public holidays skipped). Pure, so a workflow computes the same
// moments on every replay.
import type { ApprovalStagePolicy } from "@/db/schema/enum-values";
import { instantAt } from "@/server/services/date-time/wall-clock";
import { todayIn } from "@/server/services/date-time/format";
import { addBusinessDaysAt, addDays, isBusinessDay } from "@/server/services/timeline/business-days";

export interface BusinessCalendar {
  timeZone: string;
  holidayCountry: string | null;
}

/** The working day, in minutes after midnight in the workspace's zone. */
export const WORKDAY_START_MINUTES = 9 * 60;
export const WORKDAY_END_MINUTES = 17 * 60;
const MINUTE_MS = 60_000;

/** `hours` of working time after `from`: time outside working hours, weekends and holidays does not count. */
export function addBusinessHours(from: Date, hours: number, calendar: BusinessCalendar): Date {
  let left = hours * 60 * MINUTE_MS;
  let day = todayIn(calendar.timeZone, from);
  let cursor = from;
  // Each turn spends what is left of one working day; a year of turns bounds bad input.
  for (let turn = 0; turn < 800; turn++) {
    if (isBusinessDay(day, calendar.holidayCountry)) {
      const start = instantAt(day, WORKDAY_START_MINUTES, calendar.timeZone);
      const end = instantAt(day, WORKDAY_END_MINUTES, calendar.timeZone);
      const begin = cursor > start ? cursor : start;
      if (begin < end) {
        const available = end.getTime() - begin.getTime();
        if (left <= available) return new Date(begin.getTime() + left);
        left -= available;
      }
    }
    day = addDays(day, 1);
    cursor = instantAt(day, 0, calendar.timeZone);
  }
  throw new Error("A business-hours timeout must end within two years");
}

/** The moment a stage's timeout, started at `from`, runs out. */
export function addStageTimeout(from: Date, timeout: ApprovalStagePolicy["timeout"], calendar: BusinessCalendar): Date {
  return timeout.unit === "business_days"
    ? addBusinessDaysAt(from, timeout.amount, calendar.timeZone, calendar.holidayCountry)
    : addBusinessHours(from, timeout.amount, calendar);
}
