import { describe, expect, test } from "vitest";
import type { ApprovalStagePolicy } from "@/db/schema/enum-values";
import { addStageTimeout } from "../business-time";
import { MAX_REMINDERS, planStageCheckpoints } from "./stage-checkpoints";

const berlin = { timeZone: "Europe/Berlin", holidayCountry: "DE" };
type Stage = Pick<ApprovalStagePolicy, "remindEveryHours" | "timeout" | "onTimeout">;
const stage = (overrides: Partial<Stage> = {}): Stage => ({
  remindEveryHours: null,
  timeout: { amount: 8, unit: "business_hours" },
  onTimeout: { remind: true, escalateTo: { userIds: ["u1"], roles: [] }, then: "approve" },
  ...overrides,
});
const plan = (s: Stage, startedAt: Date) => planStageCheckpoints(s, { startedAt, dueAt: addStageTimeout(startedAt, s.timeout, berlin), calendar: berlin });
const brief = (checkpoints: ReturnType<typeof plan>) => checkpoints.map((c) => `${c.name} ${c.at}`);

describe("a stage's SLA checkpoints", () => {
  test("reminders every few business hours before the timeout, then remind, escalate and approve one timeout apart", () => {
    // Monday 30 Nov 2026, 10:00 in Berlin (09:00 UTC); the working day is 09:00-17:00 there.
    const monday = new Date("2026-11-30T09:00:00Z");
    const checkpoints = plan(stage({ remindEveryHours: 3 }), monday);
    expect(brief(checkpoints)).toEqual([
      "reminder-1 2026-11-30T12:00:00.000Z", // 13:00 in Berlin
      "reminder-2 2026-11-30T15:00:00.000Z", // 16:00; the next would be Tuesday 11:00, past the timeout
      "timeout-reminder 2026-12-01T09:00:00.000Z", // 8 business hours: Tuesday 10:00
      "escalation 2026-12-02T09:00:00.000Z", // one timeout later: Wednesday 10:00
      "auto-approval 2026-12-03T09:00:00.000Z",
    ]);
    expect(checkpoints.map((c) => c.kind)).toEqual(["remind", "remind", "remind", "escalate", "approve"]);
  });

  test("a weekend and a public holiday do not count, in business days as in hours", () => {
    // Thursday 24 Dec 2026 at 15:00 Berlin; 25 and 26 Dec are holidays in Germany, then the weekend.
    const christmasEve = new Date("2026-12-24T14:00:00Z");
    const days = stage({ timeout: { amount: 1, unit: "business_days" }, onTimeout: { remind: false, escalateTo: null, then: "expire" } });
    expect(brief(plan(days, christmasEve))).toEqual(["expiry 2026-12-28T14:00:00.000Z"]);
    const hours = stage({ remindEveryHours: 1, timeout: { amount: 3, unit: "business_hours" }, onTimeout: { remind: true, escalateTo: null, then: "wait" } });
    // 15:00-17:00 on the 24th is two hours; the third is the first hour of Monday the 28th.
    expect(brief(plan(hours, christmasEve))).toEqual([
      "reminder-1 2026-12-24T15:00:00.000Z",
      "reminder-2 2026-12-24T16:00:00.000Z",
      "timeout-reminder 2026-12-28T09:00:00.000Z",
    ]);
  });

  test("only the rungs the policy asks for, in order; an escalation to nobody is no rung; reminders are bounded", () => {
    const monday = new Date("2026-11-30T09:00:00Z");
    expect(plan(stage({ onTimeout: { remind: false, escalateTo: null, then: "wait" } }), monday)).toEqual([]);
    expect(plan(stage({ onTimeout: { remind: false, escalateTo: { userIds: [], roles: [] }, then: "approve" } }), monday).map((c) => c.name)).toEqual(["auto-approval"]);
    expect(plan(stage({ onTimeout: { remind: false, escalateTo: { userIds: [], roles: ["admin"] }, then: "expire" } }), monday).map((c) => [c.name, c.at])).toEqual([
      ["escalation", "2026-12-01T09:00:00.000Z"],
      ["expiry", "2026-12-02T09:00:00.000Z"],
    ]);
    const long = plan(stage({ remindEveryHours: 1, timeout: { amount: 20, unit: "business_days" }, onTimeout: { remind: false, escalateTo: null, then: "wait" } }), monday);
    expect(long).toHaveLength(MAX_REMINDERS);
  });

  test("planned late, the reminders already due collapse into the last one before what is due next", () => {
    const monday = new Date("2026-11-30T09:00:00Z");
    const s = stage({ remindEveryHours: 2, onTimeout: { remind: true, escalateTo: { userIds: ["u1"], roles: [] }, then: "approve" } });
    const dueAt = addStageTimeout(monday, s.timeout, berlin);
    // Tuesday 12:00 in Berlin: the reminders and the timeout reminder are all past; the escalation is not.
    const late = planStageCheckpoints(s, { startedAt: monday, dueAt, calendar: berlin, now: new Date("2026-12-01T11:00:00Z") });
    expect(late.map((c) => c.name)).toEqual(["timeout-reminder", "escalation", "auto-approval"]);
    // Monday 15:00: the first two reminders are past; only the second is kept.
    const midway = planStageCheckpoints(s, { startedAt: monday, dueAt, calendar: berlin, now: new Date("2026-11-30T14:00:00Z") });
    expect(midway.map((c) => c.name)).toEqual(["reminder-2", "reminder-3", "timeout-reminder", "escalation", "auto-approval"]);
  });
});
