import { describe, expect, test } from "vitest";
import { isKnownTimeZone, isSupportedInstant, localDateTime, plainDate, timeZoneName } from "./date.schema";

const messages = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message) ?? [];

describe("plainDate", () => {
  const launch = plainDate("launch date");

  test("takes real days in the years 2000 to 2099", () => {
    for (const day of ["2000-01-01", "2028-02-29", "2099-12-31"]) expect(launch.parse(day)).toBe(day);
  });

  test("refuses days outside those years, with one message", () => {
    for (const day of ["0000-01-01", "1999-12-31", "2100-01-01", "9999-12-31"]) {
      expect(messages(launch.safeParse(day))).toEqual(["Choose a launch date in the years 2000 to 2099"]);
    }
    expect(messages(plainDate("end date").safeParse("9999-12-31"))).toEqual(["Choose an end date in the years 2000 to 2099"]);
  });

  test("refuses days that are not on the calendar, and other shapes", () => {
    for (const day of ["2026-02-29", "2026-04-31", "2026-13-01", "2026-00-10"]) expect(messages(launch.safeParse(day))).toEqual(["That launch date doesn't exist on the calendar"]);
    expect(messages(launch.safeParse(""))).toEqual(["Choose the launch date"]);
    for (const day of ["09/03/2026", "2026-3-9", "2026-03-09T00:00", "2026-03-09\u0000"]) {
      expect(messages(launch.safeParse(day))).toEqual(["Enter the launch date as a date, like 2026-03-09"]);
    }
  });
});

test("localDateTime takes a real minute in the supported years", () => {
  const at = localDateTime();
  expect(at.parse("2026-03-29T02:30")).toBe("2026-03-29T02:30");
  expect(messages(at.safeParse("2026-02-30T09:00"))).toEqual(["That date doesn't exist on the calendar"]);
  expect(messages(at.safeParse("2026-03-09T24:00"))).toEqual(["That date doesn't exist on the calendar"]);
  expect(messages(at.safeParse("9999-12-31T23:59"))).toEqual(["Choose a date in the years 2000 to 2099"]);
  expect(messages(at.safeParse("2026-03-09T09:00Z"))).toEqual(["Enter the date and time like 2026-03-09T09:00"]);
});

test("isSupportedInstant takes UTC instants to the microsecond in the supported years", () => {
  expect(isSupportedInstant("2026-03-09T09:00:00.123456Z")).toBe(true);
  expect(isSupportedInstant("2026-03-09T09:00:00Z")).toBe(true);
  for (const bad of ["2026-13-09T09:00:00Z", "2026-03-09T24:00:00Z", "9999-12-31T23:59:59Z", "2026-03-09T09:00:00+01:00", "2026-03-09T09:00:00.1234567Z"]) {
    expect(isSupportedInstant(bad), bad).toBe(false);
  }
});

test("time zones are IANA names the runtime knows; offsets and unknown names are refused", () => {
  const zone = timeZoneName();
  for (const name of ["Europe/Berlin", "UTC", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "Pacific/Kiritimati"]) expect(zone.parse(name)).toBe(name);
  for (const bad of ["+01:00", "Mars/Olympus_Mons", "Europe/Berlin\u0000", "", "x".repeat(65)]) expect(zone.safeParse(bad).success, bad).toBe(false);
  expect(isKnownTimeZone("Asia/Kolkata")).toBe(true);
});
