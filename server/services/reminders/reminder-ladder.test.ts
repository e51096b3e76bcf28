import { describe, expect, it } from "vitest";
import { reminderLadder } from "./reminder-ladder";

const settings = { leadHours: 24, escalationBusinessDays: 2, timeZone: "Europe/Berlin", holidayCountry: "DE" };
const ladder = (dueAt: string, now: string, overrides: Partial<typeof settings> = {}) =>
  reminderLadder(new Date(dueAt), new Date(now), { ...settings, ...overrides }).map((step) => `${step.rung} ${step.at}`);

describe("reminderLadder", () => {
  it("reminds a day and an hour before, at the due time, a business day after, then escalates after the workspace's business days", () => {
    // Due Thursday 3 Dec 2026, 17:00 in Berlin (16:00 UTC).
    expect(ladder("2026-12-03T16:00:00Z", "2026-11-30T09:00:00Z")).toEqual([
      "due-soon 2026-12-02T16:00:00.000Z",
      "due-in-an-hour 2026-12-03T15:00:00.000Z",
      "due-now 2026-12-03T16:00:00.000Z",
      "overdue 2026-12-04T16:00:00.000Z",
      // Two business days after Thursday is Monday; the managers hear a business day later.
      "escalate-to-owner 2026-12-07T16:00:00.000Z",
      "escalate-to-managers 2026-12-08T16:00:00.000Z",
    ]);
  });

  it("skips weekends and public holidays, keeping the wall-clock time across a change of offset", () => {
    // Due Wednesday 23 Dec 2026 at 17:00 Berlin: 24-26 Dec holds Christmas Day and St Stephen's (DE), then a weekend.
    const steps = ladder("2026-12-23T16:00:00Z", "2026-12-01T09:00:00Z", { escalationBusinessDays: 1 });
    expect(steps.slice(3)).toEqual([
      "overdue 2026-12-24T16:00:00.000Z",
      "escalate-to-owner 2026-12-24T16:00:00.000Z",
      "escalate-to-managers 2026-12-28T16:00:00.000Z",
    ]);
    // Due Friday 27 Mar 2026 at 09:00 Berlin (08:00 UTC); summer time starts on Sunday: Monday 09:00 is 07:00 UTC.
    expect(ladder("2026-03-27T08:00:00Z", "2026-03-01T09:00:00Z")[3]).toBe("overdue 2026-03-30T07:00:00.000Z");
  });

  it("leaves out reminders whose time has passed, and the first one when the lead time is an hour or less", () => {
    expect(ladder("2026-12-03T16:00:00Z", "2026-12-03T12:00:00Z", { leadHours: 1 }).map((step) => step.split(" ")[0])).toEqual([
      "due-in-an-hour",
      "due-now",
      "overdue",
      "escalate-to-owner",
      "escalate-to-managers",
    ]);
    expect(ladder("2026-12-03T16:00:00Z", "2026-12-03T15:30:00Z").map((step) => step.split(" ")[0])).toEqual(["due-now", "overdue", "escalate-to-owner", "escalate-to-managers"]);
  });

  it("reminds a task that is already overdue once, now, and never escalates at once", () => {
    expect(ladder("2026-11-20T16:00:00Z", "2026-11-30T09:00:00Z")).toEqual(["overdue 2026-11-30T09:00:00.000Z"]);
    // Due last Friday: its overdue reminder is still to come (Monday at the due time), and so are the escalations.
    expect(ladder("2026-11-27T16:00:00Z", "2026-11-30T09:00:00Z")).toEqual([
      "overdue 2026-11-30T16:00:00.000Z",
      "escalate-to-owner 2026-12-01T16:00:00.000Z",
      "escalate-to-managers 2026-12-02T16:00:00.000Z",
    ]);
  });
});
