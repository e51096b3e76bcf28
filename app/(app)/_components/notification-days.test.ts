import { describe, expect, it } from "vitest";
import { dayBefore, groupByDay } from "./notification-days";

describe("groupByDay", () => {
  it("names today and yesterday in the viewer's zone and dates the rest", () => {
    // 00:30 on 9 March in Berlin is still 8 March in UTC.
    const now = new Date("2026-03-08T23:30:00Z");
    const items = ["2026-03-08T23:10:00Z", "2026-03-08T22:50:00Z", "2026-03-08T10:00:00Z", "2026-03-06T10:00:00Z"].map((at) => ({ createdAt: new Date(at) }));
    expect(groupByDay(items, "Europe/Berlin", now).map(({ day, label, items }) => ({ day, label, count: items.length }))).toEqual([
      { day: "2026-03-09", label: "Today", count: 1 },
      { day: "2026-03-08", label: "Yesterday", count: 2 },
      { day: "2026-03-06", label: null, count: 1 },
    ]);
  });

  it("counts back across months and leap days", () => {
    expect(dayBefore("2028-03-01")).toBe("2028-02-29");
    expect(dayBefore("2027-01-01")).toBe("2026-12-31");
  });
});
