import { describe, expect, it } from "vitest";
import { afterQuietHours, emailSendTime } from "./email-send-time";

const berlinNights = { start: "22:00", end: "07:00", timeZone: "Europe/Berlin" };

describe("afterQuietHours", () => {
  it("holds an email sent at night until the quiet hours end in the member's zone, both sides of midnight", () => {
    // 23:30 and 02:00 Berlin (UTC+1 in December) wait until 07:00 Berlin, 06:00 UTC.
    expect(afterQuietHours(new Date("2026-12-09T22:30:00Z"), berlinNights).toISOString()).toBe("2026-12-10T06:00:00.000Z");
    expect(afterQuietHours(new Date("2026-12-10T01:00:00Z"), berlinNights).toISOString()).toBe("2026-12-10T06:00:00.000Z");
  });

  it("lets daytime through, and quiet hours within one day end that day", () => {
    expect(afterQuietHours(new Date("2026-12-10T09:00:00Z"), berlinNights).toISOString()).toBe("2026-12-10T09:00:00.000Z");
    const lunch = { start: "12:00", end: "13:30", timeZone: "America/New_York" };
    expect(afterQuietHours(new Date("2026-12-10T17:10:00Z"), lunch).toISOString()).toBe("2026-12-10T18:30:00.000Z");
    expect(afterQuietHours(new Date("2026-12-10T18:30:00Z"), lunch).toISOString()).toBe("2026-12-10T18:30:00.000Z");
  });

  it("ends at 07:00 local on the night the clocks go forward", () => {
    // 29 March 2026: Berlin moves to UTC+2 at 02:00, so 07:00 is 05:00 UTC.
    expect(afterQuietHours(new Date("2026-03-29T00:30:00Z"), berlinNights).toISOString()).toBe("2026-03-29T05:00:00.000Z");
  });
});

describe("emailSendTime", () => {
  const now = new Date("2026-12-10T10:00:00Z");
  it("waits a minute after the first notification of a burst", () => {
    expect(emailSendTime({ firstPendingAt: now, lastSentAt: null, now, quiet: null }).toISOString()).toBe("2026-12-10T10:01:00.000Z");
  });

  it("sends at most one email every 15 minutes", () => {
    const lastSentAt = new Date("2026-12-10T09:55:00Z");
    expect(emailSendTime({ firstPendingAt: now, lastSentAt, now, quiet: null }).toISOString()).toBe("2026-12-10T10:10:00.000Z");
  });

  it("sends what waited long enough at once, unless the member is in quiet hours", () => {
    const firstPendingAt = new Date("2026-12-10T08:00:00Z");
    expect(emailSendTime({ firstPendingAt, lastSentAt: null, now, quiet: null })).toEqual(now);
    expect(emailSendTime({ firstPendingAt, lastSentAt: null, now, quiet: { start: "10:30", end: "12:00", timeZone: "Europe/Berlin" } }).toISOString()).toBe(
      "2026-12-10T11:00:00.000Z",
    );
  });
});
