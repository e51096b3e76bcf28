import { describe, expect, test } from "vitest";
import { z } from "zod";
import { createCampaignInput } from "./campaign.schema";

// What the campaign form shows under a field is the first message the schema gives for it.
function firstMessages(input: Record<string, unknown>) {
  const result = createCampaignInput.safeParse(input);
  if (result.success) return {};
  const byField = z.flattenError(result.error).fieldErrors as Record<string, string[]>;
  return Object.fromEntries(Object.entries(byField).map(([field, messages]) => [field, messages[0]]));
}

const valid = {
  name: "Spring webinar",
  type: "webinar",
  ownerId: "7d1f0a4e-2b0c-4f38-9a52-0c4c2c1a9e11",
  startDate: "2027-03-01",
  launchDate: "2027-03-18",
  endDate: "2027-03-31",
};

describe("campaign form messages", () => {
  test("a negative budget is told it can't be negative, not about decimals", () => {
    expect(firstMessages({ ...valid, budgetAmount: "-5" })).toEqual({ budgetAmount: "The budget can't be negative" });
    expect(firstMessages({ ...valid, budgetAmount: "-12.345" })).toEqual({ budgetAmount: "The budget can't be negative" });
    expect(firstMessages({ ...valid, kpiTarget: "-1" })).toEqual({ kpiTarget: "The KPI target can't be negative" });
  });

  test("decimals are still checked on a positive budget", () => {
    expect(firstMessages({ ...valid, budgetAmount: "12.345" })).toEqual({
      budgetAmount: "Enter the budget as a number with at most two decimals, like 12500 or 99.50",
    });
  });

  test("an empty date field is asked for without a format the date picker doesn't show", () => {
    const messages = firstMessages({ ...valid, startDate: "", launchDate: "", endDate: "" });
    expect(messages).toEqual({ startDate: "Choose the start date", launchDate: "Choose the launch date", endDate: "Choose the end date" });
  });
});
