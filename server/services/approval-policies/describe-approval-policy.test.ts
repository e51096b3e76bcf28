import { describe, expect, it } from "vitest";
import type { ApprovalStagePolicy } from "@/db/schema/enum-values";
import { describeStage } from "./describe-approval-policy";

const names = new Map([["u-maya", "Maya Patel"], ["u-lena", "Lena Fischer"]]);
const stage: ApprovalStagePolicy = {
  name: "Marketing review",
  approvers: { userIds: ["u-maya"], roles: ["manager"], emails: [] },
  rule: "any",
  quorum: null,
  remindEveryHours: null,
  timeout: { amount: 8, unit: "business_hours" },
  onTimeout: { remind: true, escalateTo: { userIds: [], roles: ["admin"] }, then: "approve" },
};

describe("describeStage", () => {
  it("says who approves, the timeout and its ladder in words", () => {
    expect(describeStage(stage, 0, names)).toBe("1. Marketing review: any of Maya Patel, managers · 8 business hours, then remind, escalate to admins, approve");
  });

  it("words each rule, reminders, units and outcomes, and a member who has left", () => {
    expect(
      describeStage(
        {
          ...stage,
          name: "Legal",
          approvers: { userIds: ["u-lena", "u-gone"], roles: [], emails: ["legal@agency.test"] },
          rule: "at_least",
          quorum: 2,
          remindEveryHours: 1,
          timeout: { amount: 1, unit: "business_days" },
          onTimeout: { remind: false, escalateTo: { userIds: ["u-maya"], roles: [] }, then: "expire" },
        },
        1,
        names,
      ),
    ).toBe("2. Legal: at least 2 of Lena Fischer, a former member, legal@agency.test · reminders every 1 business hour · 1 business day, then escalate to Maya Patel, expire");
    expect(describeStage({ ...stage, rule: "all", onTimeout: { remind: false, escalateTo: null, then: "wait" } }, 2, names)).toBe(
      "3. Marketing review: all of Maya Patel, managers · 8 business hours, then keep waiting",
    );
    expect(describeStage({ ...stage, rule: "majority" }, 0, names)).toContain(": a majority of Maya Patel, managers ·");
  });
});
