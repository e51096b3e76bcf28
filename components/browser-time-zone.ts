// The browser's time zone: how the calendar and scheduled times are shown and
// entered. It is copied into a cookie so the server can prepare
// time-zone-dependent data (the calendar's days) with the first response; the
// browser's own zone stays the truth, and a stale cookie only costs a second request.
export const TIME_ZONE_COOKIE = "crescendo-tz";

/** The browser's IANA zone ("Europe/Berlin"). Browser only. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
