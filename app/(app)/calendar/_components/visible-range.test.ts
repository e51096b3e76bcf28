import { describe, expect, it } from "vitest";
import { visibleDays } from "./visible-range";

describe("visibleDays", () => {
  it("gives the month grid's six weeks from the Monday on or before the first", () => {
    expect(visibleDays("month", "2026-11-22")).toEqual({ from: "2026-10-26", to: "2026-12-06" });
    // A month starting on a Monday begins the grid on its first.
    expect(visibleDays("month", "2027-03-15")).toEqual({ from: "2027-03-01", to: "2027-04-11" });
    // February in a leap year, starting on a Sunday.
    expect(visibleDays("month", "2032-02-29")).toEqual({ from: "2032-01-26", to: "2032-03-07" });
  });

  it("gives Monday to Sunday for a week, across a year's end", () => {
    expect(visibleDays("week", "2026-11-22")).toEqual({ from: "2026-11-16", to: "2026-11-22" });
    expect(visibleDays("week", "2026-12-31")).toEqual({ from: "2026-12-28", to: "2027-01-03" });
  });

  it("gives the day itself, and the calendar month for the list", () => {
    expect(visibleDays("day", "2026-03-29")).toEqual({ from: "2026-03-29", to: "2026-03-29" });
    expect(visibleDays("list", "2026-02-10")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
  });
});
