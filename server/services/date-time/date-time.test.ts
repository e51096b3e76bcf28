import { describe, expect, it } from "vitest";
import {
  type Viewer,
  formatDate,
  formatDateTime,
  formatDateTimeWithZone,
  formatDay,
  formatDayRange,
  formatMoney,
  formatNumber,
  formatTime,
  negotiateLocale,
  resolveViewer,
  todayIn,
  toLocalInputValue,
  uses12HourClock,
} from "./index";

const losAngelesGerman: Viewer = { timeZone: "America/Los_Angeles", locale: "de-DE" };
const losAngelesAmerican: Viewer = { timeZone: "America/Los_Angeles", locale: "en-US" };
const berlinBritish: Viewer = { timeZone: "Europe/Berlin", locale: "en-GB" };

describe("instants in the viewer's zone and locale", () => {
  const noonUtc = new Date("2026-12-09T12:00:00Z");

  it("writes the same instant by the viewer's zone and locale", () => {
    expect(formatDateTime(losAngelesGerman, noonUtc)).toBe("Mi., 9. Dez. 2026, 04:00");
    expect(formatDateTime(losAngelesAmerican, noonUtc)).toBe("Wed, Dec 9, 2026, 4:00 AM");
    expect(formatDateTime(berlinBritish, noonUtc)).toBe("Wed 9 Dec 2026, 13:00");
    expect(formatDateTime({ timeZone: "Europe/Paris", locale: "fr-FR" }, noonUtc)).toBe("mer. 9 déc. 2026, 13:00");
  });

  it("gives the same text every time for the same zone and locale, whatever the runtime's own zone", () => {
    const first = formatDateTime(losAngelesGerman, noonUtc);
    for (let i = 0; i < 3; i++) expect(formatDateTime({ ...losAngelesGerman }, new Date(noonUtc))).toBe(first);
    // Plain ASCII spaces only: no narrow no-break space that one engine writes and another doesn't.
    expect(formatDateTime(losAngelesAmerican, noonUtc)).not.toMatch(/[\u202f\u00a0]/);
  });

  it("takes the date from the viewer's zone, not UTC's", () => {
    const lateUtc = new Date("2026-12-10T03:00:00Z");
    expect(formatDate(losAngelesAmerican, lateUtc)).toBe("Wed, Dec 9, 2026");
    expect(formatDate({ timeZone: "Asia/Tokyo", locale: "en-US" }, lateUtc)).toBe("Thu, Dec 10, 2026");
  });

  it("follows daylight-saving changes in Los Angeles", () => {
    // Spring forward, 8 March 2026: 01:59 PST is followed by 03:00 PDT.
    expect(formatTime(losAngelesAmerican, new Date("2026-03-08T09:59:00Z"))).toBe("1:59 AM");
    expect(formatTime(losAngelesAmerican, new Date("2026-03-08T10:00:00Z"))).toBe("3:00 AM");
    // Fall back, 1 November 2026: 01:30 happens twice, an hour apart.
    expect(formatTime(losAngelesGerman, new Date("2026-11-01T08:30:00Z"))).toBe("01:30");
    expect(formatTime(losAngelesGerman, new Date("2026-11-01T09:30:00Z"))).toBe("01:30");
    expect(formatDateTimeWithZone(losAngelesAmerican, new Date("2026-11-01T08:30:00Z"))).toBe("Sun, Nov 1, 2026, 1:30 AM PDT");
    expect(formatDateTimeWithZone(losAngelesAmerican, new Date("2026-11-01T09:30:00Z"))).toBe("Sun, Nov 1, 2026, 1:30 AM PST");
  });

  it("puts a wall-clock time in the viewer's zone into a datetime-local value", () => {
    expect(toLocalInputValue("America/Los_Angeles", new Date("2026-07-01T16:00:00Z"))).toBe("2026-07-01T09:00");
    expect(toLocalInputValue("Europe/Berlin", new Date("2026-07-01T16:00:00Z"))).toBe("2026-07-01T18:00");
    expect(todayIn("Pacific/Kiritimati", new Date("2026-12-31T12:00:00Z"))).toBe("2027-01-01");
  });

  it("shows a dash for a date that cannot be read", () => {
    expect(formatDateTime(losAngelesGerman, new Date(Number.NaN))).toBe("—");
    expect(formatDay(losAngelesGerman, "not a day")).toBe("—");
  });

  it("uses a 12-hour clock only where the locale does", () => {
    expect(uses12HourClock("en-US")).toBe(true);
    expect(uses12HourClock("en-GB")).toBe(false);
    expect(uses12HourClock("de-DE")).toBe(false);
  });
});

describe("calendar days and ranges", () => {
  it("writes a plain day the same in every zone", () => {
    expect(formatDay({ locale: "en-US" }, "2026-12-09")).toBe("Wed, Dec 9, 2026");
    expect(formatDay({ locale: "de-DE" }, "2026-12-09")).toBe("Mi., 9. Dez. 2026");
    expect(formatDay({ locale: "en-GB" }, "2026-12-09")).toBe("Wed 9 Dec 2026");
  });

  it("names the year once within a year and on both ends across years", () => {
    expect(formatDayRange({ locale: "en-US" }, "2026-12-01", "2026-12-23")).toBe("Dec 1 – Dec 23, 2026");
    expect(formatDayRange({ locale: "de-DE" }, "2026-12-01", "2026-12-23")).toBe("1. Dez. – 23. Dez. 2026");
    expect(formatDayRange({ locale: "en-US" }, "2026-12-28", "2027-01-04")).toBe("Dec 28, 2026 – Jan 4, 2027");
    expect(formatDayRange({ locale: "de-DE" }, "2026-12-28", "2027-01-04")).toBe("28. Dez. 2026 – 4. Jan. 2027");
    expect(formatDayRange({ locale: "en-GB" }, "2026-12-09", "2026-12-09")).toBe("9 Dec 2026");
  });
});

describe("numbers and money", () => {
  it("writes money in the viewer's locale", () => {
    expect(formatMoney({ locale: "de-DE" }, "18000.00", "USD")).toBe("18.000,00\u00a0$");
    expect(formatMoney({ locale: "en-US" }, "18000.00", "USD")).toBe("$18,000.00");
    expect(formatMoney({ locale: "de-DE" }, "1234.5", "EUR")).toBe("1.234,50\u00a0€");
    expect(formatMoney({ locale: "de-DE" }, null, "EUR")).toBe("—");
  });

  it("writes numbers in the viewer's locale", () => {
    expect(formatNumber({ locale: "de-DE" }, 25000)).toBe("25.000");
    expect(formatNumber({ locale: "en-US" }, 25000)).toBe("25,000");
    expect(formatNumber({ locale: "fr-FR" }, 25000)).toBe("25\u00a0000");
  });
});

describe("which zone and locale a viewer gets", () => {
  it("matches Accept-Language to a supported locale by weight", () => {
    expect(negotiateLocale("de-DE,de;q=0.9,en;q=0.8")).toBe("de-DE");
    expect(negotiateLocale("de-CH")).toBe("de-DE");
    expect(negotiateLocale("en-AU,en;q=0.9")).toBe("en-GB");
    expect(negotiateLocale("en")).toBe("en-US");
    expect(negotiateLocale("ja,fr;q=0.5,de;q=0.7")).toBe("de-DE");
    expect(negotiateLocale("ja")).toBe("en-US");
    expect(negotiateLocale(null)).toBe("en-US");
    expect(negotiateLocale("fr;q=0,nl")).toBe("nl-NL");
  });

  it("takes the browser's zone, then the member's, then the workspace's, and skips unknown zones", () => {
    expect(resolveViewer({ cookieTimeZone: "America/Los_Angeles", preferredTimeZone: "Europe/Berlin", workspaceTimeZone: "Asia/Tokyo" }).timeZone).toBe("America/Los_Angeles");
    expect(resolveViewer({ cookieTimeZone: "Mars/Olympus", preferredTimeZone: "Europe/Berlin", workspaceTimeZone: "Asia/Tokyo" }).timeZone).toBe("Europe/Berlin");
    expect(resolveViewer({ workspaceTimeZone: "Asia/Tokyo" }).timeZone).toBe("Asia/Tokyo");
    expect(resolveViewer({}).timeZone).toBe("UTC");
  });

  it("takes the member's locale before the browser's", () => {
    expect(resolveViewer({ preferredLocale: "fr-FR", acceptLanguage: "de-DE" }).locale).toBe("fr-FR");
    expect(resolveViewer({ preferredLocale: "xx", acceptLanguage: "de-DE" }).locale).toBe("de-DE");
    expect(resolveViewer({ acceptLanguage: "nl-BE,nl;q=0.9" }).locale).toBe("nl-NL");
  });
});
