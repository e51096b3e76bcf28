// Business-day arithmetic on calendar days ("2026-11-26"): weekends and the
// public holidays of one country are skipped. Days carry no time zone; a
// holiday is the calendar day it falls on in its country.
import Holidays from "date-holidays";
import { TZDate } from "@date-fns/tz";

const DAY_MS = 86_400_000;

/** One parsed rule set per country: building it parses that country's rules, so it is kept. */
const calendars = new Map<string, Holidays>();
/** Public holidays per country and year, as day strings. */
const holidayDays = new Map<string, Set<string>>();

let countryNames: Map<string, string> | undefined;

/** ISO 3166 alpha-2 codes date-holidays knows, with their English names, by name. */
export function holidayCountries(): { code: string; name: string }[] {
  countryNames ??= new Map(Object.entries(new Holidays().getCountries("en")));
  return [...countryNames].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, "en"));
}

export function isHolidayCountry(code: string): boolean {
  holidayCountries();
  return countryNames!.has(code);
}

function calendarFor(country: string): Holidays {
  let calendar = calendars.get(country);
  if (!calendar) {
    if (!isHolidayCountry(country)) throw new Error(`No public holiday rules for country "${country}"`);
    calendar = new Holidays(country, { types: ["public"] });
    calendars.set(country, calendar);
  }
  return calendar;
}

/** The days of `year` that are public holidays in `country` (observed substitutes included). */
export function publicHolidays(country: string, year: number): Set<string> {
  const key = `${country}:${year}`;
  let days = holidayDays.get(key);
  if (!days) {
    days = new Set();
    for (const holiday of calendarFor(country).getHolidays(year)) {
      // Bank and observance days ("Valentine's Day", optional days) don't close offices.
      if (holiday.type !== "public") continue;
      const first = holiday.date.slice(0, 10);
      const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
      for (let i = 0; i < length; i++) days.add(addDays(first, i));
    }
    holidayDays.set(key, days);
  }
  return days;
}

function toTime(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  return Date.UTC(y!, m! - 1, d!);
}

/** The calendar day `n` days after `day` (before it when negative). */
export function addDays(day: string, n: number): string {
  return new Date(toTime(day) + n * DAY_MS).toISOString().slice(0, 10);
}

export function isWeekend(day: string): boolean {
  const weekday = new Date(toTime(day)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Not a weekend and not a public holiday in `country` (null: weekends only). */
export function isBusinessDay(day: string, country: string | null): boolean {
  if (isWeekend(day)) return false;
  return country === null || !publicHolidays(country, Number(day.slice(0, 4))).has(day);
}

/** `day` itself when it is a business day, else the nearest one before it (`direction` -1) or after it (+1). */
export function toBusinessDay(day: string, country: string | null, direction: -1 | 1): string {
  let current = day;
  while (!isBusinessDay(current, country)) current = addDays(current, direction);
  return current;
}

/**
 * The business day `n` business days after `day` (before it when `n` is negative);
 * `day` itself is not counted, so one business day before a Monday is the Friday.
 */
export function addBusinessDays(day: string, n: number, country: string | null): string {
  const step = n < 0 ? -1 : 1;
  let current = day;
  for (let left = Math.abs(n); left > 0; ) {
    current = addDays(current, step);
    if (isBusinessDay(current, country)) left--;
  }
  return current;
}

/**
 * The instant `n` business days after `at` at the same wall-clock time in
 * `timeZone`, counting business days as timelines do (weekends and the
 * country's public holidays skipped).
 */
export function addBusinessDaysAt(at: Date, n: number, timeZone: string, country: string | null): Date {
  const local = new TZDate(at.getTime(), timeZone);
  const day = [local.getFullYear(), local.getMonth() + 1, local.getDate()].map((part) => String(part).padStart(2, "0")).join("-");
  const [year, month, date] = addBusinessDays(day, n, country).split("-").map(Number) as [number, number, number];
  const later = new TZDate(year, month - 1, date, local.getHours(), local.getMinutes(), local.getSeconds(), local.getMilliseconds(), timeZone);
  return new Date(later.getTime());
}
