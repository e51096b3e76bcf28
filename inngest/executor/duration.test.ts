import { describe, expect, it } from "vitest";
import { InvalidDurationError, parseDurationMs, resolveWakeTime } from "./duration";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("parseDurationMs", () => {
  it.each([
    ["2s", 2 * SECOND],
    ["5m", 5 * MINUTE],
    ["1d2h", DAY + 2 * HOUR],
    ["1w", 7 * DAY],
    ["1y", 365 * DAY],
    ["1y2w3d4h5m6s", 365 * DAY + 14 * DAY + 3 * DAY + 4 * HOUR + 5 * MINUTE + 6 * SECOND],
    ["250ms", 250],
    ["1m30s", MINUTE + 30 * SECOND],
    ["1s500ms", 1500],
    ["0s", 0],
  ])("reads %s", (value, expected) => {
    expect(parseDurationMs(value)).toBe(expected);
  });

  it("reads what the SDK's timeStr writes for a week and a half", () => {
    expect(parseDurationMs("1w3d12h")).toBe(10.5 * DAY);
  });

  it.each([
    ["", /it is empty/],
    ["abc", /cannot read "abc"/],
    ["5x", /cannot read "5x"/],
    ["5", /cannot read "5"/],
    ["s", /cannot read "s"/],
    ["1.5h", /cannot read "1.5h"/],
    ["-5s", /cannot read "-5s"/],
    ["1h ", /cannot read " "/],
    ["1h 30m", /cannot read " 30m"/],
    ["99999999999y", /too long/],
  ])("refuses %j", (value, message) => {
    expect(() => parseDurationMs(value)).toThrow(InvalidDurationError);
    expect(() => parseDurationMs(value)).toThrow(message);
  });
});

describe("resolveWakeTime", () => {
  const from = new Date("2025-03-28T10:00:00Z");

  it("adds a duration to the start", () => {
    expect(resolveWakeTime("1d2h", from)).toEqual(new Date("2025-03-29T12:00:00Z"));
    expect(resolveWakeTime("30s", from)).toEqual(new Date("2025-03-28T10:00:30Z"));
  });

  it("takes an ISO date as the wake time itself, whatever the start", () => {
    expect(resolveWakeTime("2025-04-01T08:30:00.000Z", from)).toEqual(new Date(Date.UTC(2025, 3, 1, 8, 30)));
    expect(resolveWakeTime("2020-01-01T00:00:00Z", from)).toEqual(new Date(Date.UTC(2020, 0, 1)));
  });

  it("applies the offset and keeps fractional seconds to the millisecond", () => {
    expect(resolveWakeTime("2025-04-01T10:30:15.25+02:00", from)).toEqual(new Date(Date.UTC(2025, 3, 1, 8, 30, 15, 250)));
    expect(resolveWakeTime("2025-04-01T03:00:00.123456-05:30", from)).toEqual(new Date(Date.UTC(2025, 3, 1, 8, 30, 0, 123)));
    expect(resolveWakeTime("2025-12-31T23:59:59.999-01:00", from)).toEqual(new Date(Date.UTC(2026, 0, 1, 0, 59, 59, 999)));
  });

  it.each([
    ["garbage", "soon"],
    ["a bad duration", "5x"],
    ["a date without a time", "2025-04-01"],
    ["a time without an offset", "2025-04-01T08:30:00"],
    ["a time without seconds", "2025-04-01T08:30Z"],
    ["30 February", "2025-02-30T08:30:00Z"],
    ["hour 24", "2025-04-01T24:00:00Z"],
    ["an offset beyond 23 hours", "2025-04-01T08:30:00+24:00"],
    ["an offset minute beyond 59", "2025-04-01T08:30:00+01:60"],
    ["a date in words", "April 1, 2025 08:30 UTC"],
  ])("refuses %s", (_label, value) => {
    expect(() => resolveWakeTime(value, from)).toThrow(InvalidDurationError);
  });
});
