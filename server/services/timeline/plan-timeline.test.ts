import { describe, expect, test } from "vitest";
import { campaignTypes } from "@/db/schema/campaigns";
import { defaultTemplates } from "./default-templates";
import { planTimeline } from "./plan-timeline";

const template = [
  { name: "Creative ready", businessDaysBeforeLaunch: 3 },
  { name: "Launch", businessDaysBeforeLaunch: 0 },
  { name: "Wrap-up report", businessDaysBeforeLaunch: -1 },
];

const days = (plan: ReturnType<typeof planTimeline>) => plan.map((m) => [m.name, m.dueDate]);

describe("planTimeline", () => {
  test("counts back from launch across Thanksgiving and a weekend", () => {
    // Launch Monday 2026-11-30: 3 business days before skips the weekend and Thursday the 26th in the US.
    expect(days(planTimeline({ launchDate: "2026-11-30", milestones: template, bufferDays: 0, country: "US" }))).toEqual([
      ["Creative ready", "2026-11-24"],
      ["Launch", "2026-11-30"],
      ["Wrap-up report", "2026-12-01"],
    ]);
    expect(days(planTimeline({ launchDate: "2026-11-30", milestones: template, bufferDays: 0, country: null }))).toEqual([
      ["Creative ready", "2026-11-25"],
      ["Launch", "2026-11-30"],
      ["Wrap-up report", "2026-12-01"],
    ]);
  });

  test("a buffer adds business days before each milestone ahead of launch, and none after it", () => {
    expect(days(planTimeline({ launchDate: "2026-11-30", milestones: template, bufferDays: 2, country: "US" }))).toEqual([
      ["Creative ready", "2026-11-20"],
      ["Launch", "2026-11-30"],
      ["Wrap-up report", "2026-12-01"],
    ]);
  });

  test("a launch on a holiday puts the launch-day milestone on the business day before, earlier ones counted back from it, and later ones after it", () => {
    expect(days(planTimeline({ launchDate: "2026-11-26", milestones: template, bufferDays: 0, country: "US" }))).toEqual([
      ["Creative ready", "2026-11-20"],
      ["Launch", "2026-11-25"],
      ["Wrap-up report", "2026-11-27"],
    ]);
  });

  test("a launch on a Saturday: launch-day work is due Friday, 3 business days before that is Tuesday, the day after launch is Monday (Germany, 2026-10-03)", () => {
    expect(days(planTimeline({ launchDate: "2026-10-03", milestones: template, bufferDays: 0, country: "DE" }))).toEqual([
      ["Creative ready", "2026-09-29"],
      ["Launch", "2026-10-02"],
      ["Wrap-up report", "2026-10-05"],
    ]);
  });

  test("a webinar launching on a weekend or a holiday keeps the dry run and the webinar day on distinct business days", () => {
    const webinar = defaultTemplates.webinar;
    const distinctDays = (plan: ReturnType<typeof planTimeline>) => new Set(plan.map((m) => m.dueDate)).size;
    // Saturday 2026-12-05; Thanksgiving Thursday 2026-11-26 (US); Sunday 2026-12-27 after Christmas Friday (US).
    for (const [launchDate, country] of [["2026-12-05", null], ["2026-11-26", "US"], ["2026-12-27", "US"]] as const) {
      for (const bufferDays of [0, 2]) {
        const plan = planTimeline({ launchDate, milestones: webinar, bufferDays, country });
        expect(distinctDays(plan), `${launchDate} ${country} buffer ${bufferDays}`).toBe(webinar.length);
      }
    }
    const saturday = Object.fromEntries(days(planTimeline({ launchDate: "2026-12-05", milestones: webinar, bufferDays: 0, country: null })));
    expect(saturday).toMatchObject({ "Reminder emails": "2026-12-01", "Dry run": "2026-12-03", "Webinar day": "2026-12-04", "Follow-up sent": "2026-12-08" });
    const thanksgiving = Object.fromEntries(days(planTimeline({ launchDate: "2026-11-26", milestones: webinar, bufferDays: 0, country: "US" })));
    expect(thanksgiving).toMatchObject({ "Dry run": "2026-11-24", "Webinar day": "2026-11-25" });
  });

  test("milestones come back in date order with their place in the template", () => {
    const shuffled = [template[2]!, template[0]!, template[1]!];
    const plan = planTimeline({ launchDate: "2026-11-30", milestones: shuffled, bufferDays: 0, country: null });
    expect(plan.map((m) => [m.name, m.position])).toEqual([
      ["Creative ready", 1],
      ["Launch", 2],
      ["Wrap-up report", 0],
    ]);
  });

  test("every campaign type has a built-in template with a launch-day milestone and distinct names", () => {
    for (const type of campaignTypes) {
      const milestones = defaultTemplates[type];
      expect(milestones.length, type).toBeGreaterThanOrEqual(4);
      expect(milestones.some((m) => m.businessDaysBeforeLaunch === 0), type).toBe(true);
      expect(new Set(milestones.map((m) => m.name)).size, type).toBe(milestones.length);
      for (const m of milestones) expect(Number.isInteger(m.businessDaysBeforeLaunch) && m.businessDaysBeforeLaunch >= -60 && m.businessDaysBeforeLaunch <= 250).toBe(true);
    }
    expect(defaultTemplates.product_launch.map((m) => m.name)).toEqual(["Brief", "Messaging & positioning", "Creative ready", "Review & approval", "Launch", "Wrap-up report"]);
  });
});
