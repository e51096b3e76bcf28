import { describe, expect, test } from "vitest";
import { addBusinessDays, holidayCountries, isBusinessDay, isHolidayCountry, publicHolidays, toBusinessDay } from "./business-days";

describe("business days", () => {
  test("US Thanksgiving (Thursday 2026-11-26) is no business day in the US, but is one where only weekends count", () => {
    expect(isBusinessDay("2026-11-26", "US")).toBe(false);
    expect(isBusinessDay("2026-11-26", null)).toBe(true);
    expect(isBusinessDay("2026-11-26", "DE")).toBe(true);
    expect(addBusinessDays("2026-11-27", -1, "US")).toBe("2026-11-25");
    expect(addBusinessDays("2026-11-25", 1, "US")).toBe("2026-11-27");
    expect(addBusinessDays("2026-11-25", 1, null)).toBe("2026-11-26");
  });

  test("weekends are skipped: one business day before a Monday is the Friday", () => {
    expect(isBusinessDay("2026-03-07", null)).toBe(false);
    expect(isBusinessDay("2026-03-08", null)).toBe(false);
    expect(addBusinessDays("2026-03-09", -1, null)).toBe("2026-03-06");
    expect(addBusinessDays("2026-03-06", 1, null)).toBe("2026-03-09");
    expect(addBusinessDays("2026-03-09", 0, null)).toBe("2026-03-09");
  });

  test("Tag der Deutschen Einheit on a Saturday (2026-10-03) costs Germany no business day: no substitute is given", () => {
    expect(publicHolidays("DE", 2026).has("2026-10-03")).toBe(true);
    expect(isBusinessDay("2026-10-02", "DE")).toBe(true);
    expect(isBusinessDay("2026-10-05", "DE")).toBe(true);
    expect(addBusinessDays("2026-10-05", -5, "DE")).toBe("2026-09-28");
    expect(addBusinessDays("2026-10-05", -5, "DE")).toBe(addBusinessDays("2026-10-05", -5, null));
  });

  test("UK: Boxing Day on a Saturday (2026-12-26) is observed on Monday the 28th", () => {
    expect(isBusinessDay("2026-12-25", "GB")).toBe(false);
    expect(isBusinessDay("2026-12-28", "GB")).toBe(false);
    expect(addBusinessDays("2026-12-24", 1, "GB")).toBe("2026-12-29");
    expect(addBusinessDays("2026-12-24", 1, null)).toBe("2026-12-25");
  });

  test("counting crosses into the year before: New Year's Day 2027 is a Friday", () => {
    expect(addBusinessDays("2027-01-04", -1, "US")).toBe("2026-12-31");
    expect(addBusinessDays("2027-01-04", -1, null)).toBe("2027-01-01");
  });

  test("only public holidays count: US Columbus Day is public, Valentine's Day (an observance) is not", () => {
    expect(isBusinessDay("2026-10-12", "US")).toBe(false);
    // 2026-02-13 is a Friday, Valentine's Day a Saturday; Mother's Day-like observances never close a weekday.
    const us = publicHolidays("US", 2026);
    expect(us.has("2026-02-14")).toBe(false);
    expect([...us].every((day) => /^\d{4}-\d{2}-\d{2}$/.test(day))).toBe(true);
  });

  test("toBusinessDay keeps a business day and otherwise moves to the one before or after", () => {
    expect(toBusinessDay("2026-11-25", "US", -1)).toBe("2026-11-25");
    expect(toBusinessDay("2026-11-26", "US", -1)).toBe("2026-11-25");
    expect(toBusinessDay("2026-11-26", "US", 1)).toBe("2026-11-27");
    expect(toBusinessDay("2026-10-03", "DE", 1)).toBe("2026-10-05");
  });

  test("the countries on offer are the ones with holiday rules, by name", () => {
    const countries = holidayCountries();
    expect(countries.length).toBeGreaterThan(100);
    expect(countries).toContainEqual({ code: "DE", name: "Germany" });
    expect(countries.map((c) => c.name)).toEqual([...countries.map((c) => c.name)].sort((a, b) => a.localeCompare(b, "en")));
    expect(isHolidayCountry("GB")).toBe(true);
    expect(isHolidayCountry("XX")).toBe(false);
    expect(isHolidayCountry("gb")).toBe(false);
  });
});
