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

  test("a launch on a holiday puts the launch-day milestone on the business day before, and later ones after it", () => {
    expect(days(planTimeline({ launchDate: "2026-11-26", milestones: template, bufferDays: 0, country: "US" }))).toEqual([
      ["Creative ready", "2026-11-23"],
      ["Launch", "2026-11-25"],
      ["Wrap-up report", "2026-11-27"],
    ]);
  });

  test("a launch on a Saturday: launch-day work is due Friday, the day after launch is Monday (Germany, 2026-10-03)", () => {
    expect(days(planTimeline({ launchDate: "2026-10-03", milestones: template, bufferDays: 0, country: "DE" }))).toEqual([
      ["Creative ready", "2026-09-30"],
      ["Launch", "2026-10-02"],
      ["Wrap-up report", "2026-10-05"],
    ]);
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
