// Days, wall-clock times, instants and time zones that every date arithmetic in
// the app (time zones, business days, holidays) and both databases handle.
//
// Dates are kept to the years 2000 to 2099. A marketing calendar plans from today
// into the next few years and keeps past campaigns as a record: nothing in it
// predates 2000 or needs a day after 2099. Inside that range time-zone rules are
// reliable (before 1970 zones used local mean time, offsets of odd seconds), a
// campaign's milestones counted 250 business days back or a month view's six weeks
// stay far from any limit, and year 0000 or 9999 never reaches PostgreSQL or Date.
import { z } from "zod";
import { sharedField } from "./field-kinds";

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;
export const FIRST_DAY = `${FIRST_YEAR}-01-01`;
export const LAST_DAY = `${LAST_YEAR}-12-31`;

const YEARS = `in the years ${FIRST_YEAR} to ${LAST_YEAR}`;
const article = (what: string) => (/^[aeiou]/i.test(what) ? "an" : "a");

/** True for a day on the calendar ("2026-02-29" is not one); `value` is "YYYY-MM-DD". */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const inYears = (value: string) => value.slice(0, 10) >= FIRST_DAY && value.slice(0, 10) <= LAST_DAY;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real day "YYYY-MM-DD" within the supported years. */
export function isSupportedDay(value: string): boolean {
  const match = DAY.exec(value);
  return !!match && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3])) && inYears(value);
}

/**
 * A calendar day, "2026-03-09"; `what` names it in messages ("launch date"). A date
 * input sends "" until a whole day is picked, and shows the day in the browser's own
 * format, so an empty field is asked for without naming a format the person never sees.
 */
export function plainDate(what: string) {
  const schema = z
    .string({ error: `Enter the ${what} as a date, like 2026-03-09` })
    .regex(DAY, { error: (issue) => (issue.input === "" ? `Choose the ${what}` : `Enter the ${what} as a date, like 2026-03-09`), abort: true })
    .refine((value) => isCalendarDay(...(DAY.exec(value)!.slice(1, 4).map(Number) as [number, number, number])), {
      error: `That ${what} doesn't exist on the calendar`,
      abort: true,
    })
    .refine(inYears, `Choose ${article(what)} ${what} ${YEARS}`);
  return sharedField(schema, "date");
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** A wall-clock time without a zone, as a datetime-local input gives it: "2026-03-09T09:00". */
export function localDateTime() {
  const schema = z
    .string({ error: "Enter the date and time like 2026-03-09T09:00" })
    .regex(LOCAL_DATE_TIME, { error: "Enter the date and time like 2026-03-09T09:00", abort: true })
    .refine(
      (value) => {
        const [, year, month, day, hour, minute] = LOCAL_DATE_TIME.exec(value)!.map(Number) as number[];
        return isCalendarDay(year!, month!, day!) && hour! <= 23 && minute! <= 59;
      },
      { error: "That date doesn't exist on the calendar", abort: true },
    )
    .refine(inYears, `Choose a date ${YEARS}`);
  return sharedField(schema, "localDateTime");
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A wall-clock time of day without a date, as a time input gives it: "22:00". `what` names it ("start of quiet hours"). */
export function timeOfDay(what: string) {
  const message = `Enter the ${what} as a time, like 22:00`;
  const schema = z.string({ error: message }).trim().regex(TIME_OF_DAY, message);
  return sharedField(schema, "text");
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?Z$/;

/** True for a UTC instant "2026-03-09T09:00:00.123456Z" (up to microseconds, as PostgreSQL keeps them) within the supported years. */
export function isSupportedInstant(value: string): boolean {
  const match = INSTANT.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
  return isCalendarDay(year!, month!, day!) && hour! <= 23 && minute! <= 59 && second! <= 59 && inYears(value);
}

/** A time zone's IANA name ("Europe/Berlin"); offsets like "+01:00" are refused, as PostgreSQL reads them with the sign flipped. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** True for a zone name this runtime knows ("Europe/Berlin", "UTC"). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (!ZONE_NAME.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const TIME_ZONE_MESSAGE = "Choose a time zone by its name, like Europe/Berlin";

/**
 * An IANA time zone name the runtime knows. With `known: false` only its shape is
 * checked (letters, "/", no offsets or control characters), for a service that
 * names the unknown zone in its own message.
 */
export function timeZoneName(message = TIME_ZONE_MESSAGE, { known = true } = {}) {
  const schema = z
    .string({ error: "Choose a time zone" })
    .trim()
    .min(1, "Choose a time zone")
    .max(64, { error: message, abort: true })
    .refine((zone) => (known ? isKnownTimeZone(zone) : ZONE_NAME.test(zone)), message);
  return sharedField(schema, "timeZone");
}
