import { describe, expect, it } from "vitest";
import { InvalidCronError, parseCron } from "./cron";

describe("parseCron", () => {
  it("reads a plain expression in UTC", () => {
    const schedule = parseCron("0 9 * * 1-5");
    expect(schedule).toMatchObject({ source: "0 9 * * 1-5", timezone: undefined, expression: "0 9 * * 1-5" });
    // Friday 2025-03-28 after nine: the next weekday is Monday.
    expect(schedule.nextAfter(new Date("2025-03-28T10:00:00Z"))).toEqual(new Date("2025-03-31T09:00:00Z"));
    expect(schedule.nextAfter(new Date("2025-03-28T08:59:59.999Z"))).toEqual(new Date("2025-03-28T09:00:00Z"));
  });

  it("returns a fire time strictly after the given date", () => {
    const schedule = parseCron("*/15 * * * *");
    expect(schedule.nextAfter(new Date("2025-01-01T00:15:00Z"))).toEqual(new Date("2025-01-01T00:30:00Z"));
    expect(schedule.nextAfter(new Date("2025-01-01T00:15:00.001Z"))).toEqual(new Date("2025-01-01T00:30:00Z"));
    expect(schedule.nextAfter(new Date("2025-01-01T00:14:59Z"))).toEqual(new Date("2025-01-01T00:15:00Z"));
  });

  it("follows a TZ= zone across a daylight-saving change", () => {
    const schedule = parseCron("TZ=Europe/Paris 0 9 * * *");
    expect(schedule).toMatchObject({ timezone: "Europe/Paris", expression: "0 9 * * *" });
    // Paris moves from UTC+1 to UTC+2 in the night of 29 to 30 March 2025.
    expect(schedule.nextAfter(new Date("2025-03-28T12:00:00Z"))).toEqual(new Date("2025-03-29T08:00:00Z"));
    expect(schedule.nextAfter(new Date("2025-03-29T08:00:00Z"))).toEqual(new Date("2025-03-30T07:00:00Z"));
  });

  it("accepts the CRON_TZ= spelling too", () => {
    const schedule = parseCron("CRON_TZ=America/New_York 30 8 * * *");
    expect(schedule.timezone).toBe("America/New_York");
    expect(schedule.nextAfter(new Date("2025-07-01T00:00:00Z"))).toEqual(new Date("2025-07-01T12:30:00Z"));
  });

  it("accepts six fields, the first being seconds", () => {
    const schedule = parseCron("30 0 9 * * *");
    expect(schedule.nextAfter(new Date("2025-03-28T09:00:00Z"))).toEqual(new Date("2025-03-28T09:00:30Z"));
  });

  it("returns null for an expression that never fires", () => {
    expect(parseCron("0 9 30 2 *").nextAfter(new Date("2025-01-01T00:00:00Z"))).toBeNull();
  });

  it.each([
    ["too few fields", "0 9 * *"],
    ["too many fields", "0 0 9 * * * 2030"],
    ["a minute out of range", "61 9 * * *"],
    ["letters in a field", "H 9 * * *"],
    ["an empty string", ""],
    ["a zone and no fields", "TZ=Europe/Paris"],
  ])("refuses %s", (_label, source) => {
    expect(() => parseCron(source)).toThrow(InvalidCronError);
  });

  it("names an unknown time zone", () => {
    expect(() => parseCron("TZ=Mars/Olympus_Mons 0 9 * * *")).toThrow(
      'invalid cron "TZ=Mars/Olympus_Mons 0 9 * * *": unknown time zone "Mars/Olympus_Mons"',
    );
  });
});
