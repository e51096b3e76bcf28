import { addDays, endOfMonth, format, parseISO, startOfMonth, startOfWeek } from "date-fns";
import type { CalendarViewName } from "./calendar-query";

// The days a view shows, worked out from the address alone, so the calendar can
// ask for them while FullCalendar is still loading. It must agree with
// FullCalendar's own range (datesSet), or the calendar asks twice.

/** Weeks start on Monday (FullCalendar's firstDay). */
const WEEK_STARTS_ON = 1;
/** The month grid always shows six weeks (FullCalendar's fixedWeekCount). */
const MONTH_GRID_DAYS = 42;

const dayString = (date: Date) => format(date, "yyyy-MM-dd");

/** First and last day shown (both included) by `view` around `day` ("2026-11-22"). */
export function visibleDays(view: CalendarViewName, day: string): { from: string; to: string } {
  const date = parseISO(day);
  switch (view) {
    case "month": {
      const first = startOfWeek(startOfMonth(date), { weekStartsOn: WEEK_STARTS_ON });
      return { from: dayString(first), to: dayString(addDays(first, MONTH_GRID_DAYS - 1)) };
    }
    case "week": {
      const first = startOfWeek(date, { weekStartsOn: WEEK_STARTS_ON });
      return { from: dayString(first), to: dayString(addDays(first, 6)) };
    }
    case "day":
      return { from: day, to: day };
    case "list":
      return { from: dayString(startOfMonth(date)), to: dayString(endOfMonth(date)) };
  }
}
