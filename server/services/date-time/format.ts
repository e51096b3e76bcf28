// How people read dates, times, ranges, numbers and money, in their zone and
// locale. Used by pages on the server, by client components in the browser and
// by emails. Dates and times come from date-fns with our own patterns per locale
// (locales.ts), not from the runtime's Intl: Node and each browser carry their
// own CLDR data, and "4:00 AM" from one and "4:00 AM" (a narrow no-break space)
// from another is a hydration error. Numbers and money keep Intl: their shapes
// have been stable across engines for years.
import { TZDate, tzName } from "@date-fns/tz";
import { format, parseISO } from "date-fns";
import { localePatterns, type SupportedLocale } from "./locales";

/** Whose eyes a date is written for: an IANA zone ("America/Los_Angeles") and a supported locale. */
export interface Viewer {
  timeZone: string;
  locale: SupportedLocale;
}

/** What an unreadable or missing value shows. */
const NOTHING = "—";
const RANGE_DASH = " – ";

const valid = (date: Date) => !Number.isNaN(date.getTime());
const zoned = (date: Date, timeZone: string) => new TZDate(date.getTime(), timeZone);
/** A plain day ("2026-12-09") has no zone: it is read and written as is. */
const plainDay = (day: string) => parseISO(day);

function write(date: Date, pattern: string, locale: SupportedLocale): string {
  return format(date, pattern, { locale: localePatterns[locale].dateFns });
}

/** The day an instant falls on for the viewer: "Wed, Dec 9, 2026" / "Mi., 9. Dez. 2026". */
export function formatDate(viewer: Viewer, instant: Date): string {
  return valid(instant) ? write(zoned(instant, viewer.timeZone), localePatterns[viewer.locale].date, viewer.locale) : NOTHING;
}

/** The viewer's clock at an instant: "4:00 AM" / "04:00". */
export function formatTime(viewer: Viewer, instant: Date): string {
  return valid(instant) ? write(zoned(instant, viewer.timeZone), localePatterns[viewer.locale].time, viewer.locale) : NOTHING;
}

/** An instant for the viewer: "Wed, Dec 9, 2026, 4:00 AM" / "Mi., 9. Dez. 2026, 04:00". */
export function formatDateTime(viewer: Viewer, instant: Date): string {
  if (!valid(instant)) return NOTHING;
  return `${formatDate(viewer, instant)}${localePatterns[viewer.locale].dateTimeSeparator}${formatTime(viewer, instant)}`;
}

/** An instant with its zone, for text read away from the app (emails): "Wed, Dec 9, 2026, 4:00 AM PST". */
export function formatDateTimeWithZone(viewer: Viewer, instant: Date): string {
  if (!valid(instant)) return NOTHING;
  return `${formatDateTime(viewer, instant)} ${tzName(viewer.timeZone, instant, "short")}`;
}

/** A calendar day ("2026-12-09"), the same for every zone: "Wed, Dec 9, 2026". */
export function formatDay(viewer: Pick<Viewer, "locale">, day: string): string {
  const date = plainDay(day);
  return valid(date) ? write(date, localePatterns[viewer.locale].date, viewer.locale) : NOTHING;
}

/** A calendar day inside a sentence, without weekday or year: "Dec 14" / "14 Dec" / "14. Dez.". */
export function formatShortDay(viewer: Pick<Viewer, "locale">, day: string): string {
  const date = plainDay(day);
  return valid(date) ? write(date, localePatterns[viewer.locale].rangeDay, viewer.locale) : NOTHING;
}

/** A run of calendar days: "Dec 1 – Dec 23, 2026", across years "Dec 28, 2026 – Jan 4, 2027", one day "Dec 9, 2026". */
export function formatDayRange(viewer: Pick<Viewer, "locale">, start: string, end: string): string {
  const [from, to] = [plainDay(start), plainDay(end)];
  if (!valid(from) || !valid(to)) return NOTHING;
  const patterns = localePatterns[viewer.locale];
  const last = write(to, patterns.rangeDayWithYear, viewer.locale);
  if (start === end) return last;
  const sameYear = from.getFullYear() === to.getFullYear();
  return `${write(from, sameYear ? patterns.rangeDay : patterns.rangeDayWithYear, viewer.locale)}${RANGE_DASH}${last}`;
}

// Engines differ in which no-break space they put between digits and a symbol
// (CLDR moved French grouping to a narrow one); one kind keeps both sides equal.
const oneKindOfSpace = (text: string) => text.replace(/[\u202f\u00a0]/g, "\u00a0");

/** A count or measure in the viewer's digits: "18,000" / "18.000". */
export function formatNumber(viewer: Pick<Viewer, "locale">, value: number): string {
  return Number.isFinite(value) ? oneKindOfSpace(new Intl.NumberFormat(viewer.locale).format(value)) : NOTHING;
}

/** An exact decimal amount ("18000.00") in its currency: "$18,000.00" / "18.000,00 $" (a no-break space before the symbol). */
export function formatMoney(viewer: Pick<Viewer, "locale">, amount: string | null, currency: string): string {
  if (amount === null) return NOTHING;
  const value = Number(amount);
  if (!Number.isFinite(value)) return NOTHING;
  return oneKindOfSpace(new Intl.NumberFormat(viewer.locale, { style: "currency", currency, maximumFractionDigits: 2 }).format(value));
}

/** The viewer's wall clock at an instant as a datetime-local input wants it: "2026-03-09T09:00". */
export function toLocalInputValue(timeZone: string, instant: Date): string {
  return valid(instant) ? format(zoned(instant, timeZone), "yyyy-MM-dd'T'HH:mm") : "";
}

/** Today's date in a zone: "2026-12-09". */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return format(zoned(now, timeZone), "yyyy-MM-dd");
}

/** A length of time in the largest two units that matter: "45 s", "3 min 20 s", "2 h 5 min", "2 days 4 h". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return "under 1 s";
  const seconds = Math.floor(ms / 1000);
  const [days, hours, minutes, secs] = [Math.floor(seconds / 86_400), Math.floor(seconds / 3600) % 24, Math.floor(seconds / 60) % 60, seconds % 60];
  if (days > 0) return hours > 0 ? `${days} ${days === 1 ? "day" : "days"} ${hours} h` : `${days} ${days === 1 ? "day" : "days"}`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes > 0) return secs > 0 ? `${minutes} min ${secs} s` : `${minutes} min`;
  return `${secs} s`;
}
