import { describe, expect, test } from "vitest";
import { addBusinessHours, addStageTimeout } from "./business-time";
import { approvalsNeeded, describeRule } from "./stage-rule";

const berlin = { timeZone: "Europe/Berlin", holidayCountry: "DE" };

describe("addBusinessHours", () => {
  test("counts only 09:00-17:00 on business days in the workspace's zone", () => {
    // Tuesday 10:00 Berlin + 3 h = 13:00 the same day.
    expect(addBusinessHours(new Date("2026-12-01T09:00:00Z"), 3, berlin).toISOString()).toBe("2026-12-01T12:00:00.000Z");
    // Friday 16:00 + 2 h: one hour on Friday, one on Monday from 09:00.
    expect(addBusinessHours(new Date("2026-12-04T15:00:00Z"), 2, berlin).toISOString()).toBe("2026-12-07T09:00:00.000Z");
    // Asked on Saturday night: the clock starts Monday at 09:00.
    expect(addBusinessHours(new Date("2026-12-05T22:00:00Z"), 8, berlin).toISOString()).toBe("2026-12-07T16:00:00.000Z");
  });

  test("skips the country's public holidays", () => {
    // Wednesday 23 December 16:00 + 4 h: Christmas Eve (a working day in the calendar, not a public holiday), 25th and 26th are.
    expect(addBusinessHours(new Date("2026-12-23T15:00:00Z"), 4, berlin).toISOString()).toBe("2026-12-24T11:00:00.000Z");
    expect(addBusinessHours(new Date("2026-12-24T15:00:00Z"), 2, berlin).toISOString()).toBe("2026-12-28T09:00:00.000Z");
  });

  test("business days keep the wall-clock time", () => {
    expect(addStageTimeout(new Date("2026-12-04T15:00:00Z"), { amount: 1, unit: "business_days" }, berlin).toISOString()).toBe("2026-12-07T15:00:00.000Z");
  });
});

describe("approval rules", () => {
  test("how many approvals a stage needs", () => {
    expect([approvalsNeeded("any", null, 3), approvalsNeeded("majority", null, 3), approvalsNeeded("majority", null, 4), approvalsNeeded("all", null, 3)]).toEqual([1, 2, 3, 3]);
    expect([approvalsNeeded("at_least", 2, 5), approvalsNeeded("at_least", 4, 3)]).toEqual([2, 3]);
    expect([describeRule("any", null, 3), describeRule("majority", null, 3), describeRule("all", null, 2), describeRule("any", null, 1)]).toEqual([
      "any one of 3",
      "2 of 3",
      "all 2",
      "the one approver",
    ]);
  });
});
