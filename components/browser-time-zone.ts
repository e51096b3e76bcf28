// The browser's time zone, copied into a cookie so the server writes every
// date in it with the first response (see server/services/date-time/viewer.ts)
// and prepares time-zone-dependent data (the calendar's days). A stale cookie
// costs one refresh: RememberTimeZone corrects it and asks for the page again.
export const TIME_ZONE_COOKIE = "crescendo-tz";

/** The browser's IANA zone ("Europe/Berlin"). Browser only. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
