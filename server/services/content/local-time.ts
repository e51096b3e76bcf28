// Wall-clock times in a named zone, turned into instants. A person schedules
// "09:00 in Berlin"; the database stores the instant, so the same local time
// maps to a different UTC offset on either side of a daylight-saving change.
import { TZDate } from "@date-fns/tz";
import { fieldError } from "@/server/errors";
import { isKnownTimeZone } from "@/server/services/shared/date.schema";

// One check of zone names for the schemas and this module alike.
export { isKnownTimeZone };

/**
 * The instant `localDateTime` ("2026-03-09T09:00") is in `timeZone`. Refuses an
 * unknown zone and a time the clocks skip (the spring-forward gap), with `field`
 * naming the form field the message belongs to.
 */
export function localToInstant(localDateTime: string, timeZone: string, field: string): Date {
  if (!isKnownTimeZone(timeZone)) throw fieldError(field, `“${timeZone}” isn't a time zone we know. Choose one like Europe/Berlin or America/New_York.`);
  const [year, month, day, hour, minute] = localDateTime.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  const instant = new TZDate(year, month - 1, day, hour, minute, timeZone);
  // TZDate moves a skipped wall time forward by the gap; if it no longer reads as asked, that time never happens there.
  if (instant.getFullYear() !== year || instant.getMonth() !== month - 1 || instant.getDate() !== day || instant.getHours() !== hour || instant.getMinutes() !== minute) {
    throw fieldError(
      field,
      `${localDateTime.replace("T", " ")} doesn't exist in ${timeZone}: the clocks skip that hour when daylight saving time starts. Pick a time outside it.`,
    );
  }
  return new Date(instant.getTime());
}
