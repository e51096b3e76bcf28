// The browser's time zone, copied into a cookie so the server can prepare
// time-zone-dependent data (the calendar's days) with the first response. The
// browser's own zone stays the truth: a stale cookie only costs a second request.
export const TIME_ZONE_COOKIE = "crescendo-tz";
