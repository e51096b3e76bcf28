import { describe, expect, test } from "vitest";
import type { TemplateTask } from "@/db/schema/campaigns";
import { planTasks } from "./plan-tasks";

const task = (key: string, overrides: Partial<TemplateTask> = {}): TemplateTask => ({
  key,
  title: key,
  estimateHours: 2,
  skills: [],
  dependsOn: [],
  milestone: "Launch",
  businessDaysBefore: 0,
  ...overrides,
});

const milestones = [
  { id: "m-creative", name: "Creative ready", dueDate: "2026-11-24" },
  { id: "m-launch", name: "Launch", dueDate: "2026-11-30" },
];
const plan = (tasks: TemplateTask[], channels: ("email" | "linkedin" | "x")[] = ["email"]) =>
  planTasks({ tasks, channels, milestones, launchDate: "2026-11-30", country: "US", timeZone: "America/New_York" });

describe("planTasks", () => {
  test("due at 17:00 in the workspace's zone, business days before the milestone (the weekend and Thanksgiving skipped)", () => {
    const [onDay, before] = plan([task("on-day"), task("before", { businessDaysBefore: 2 })]);
    // 17:00 New York is 22:00 UTC in November.
    expect(onDay!.dueAt.toISOString()).toBe("2026-11-30T22:00:00.000Z");
    // Two business days before Monday the 30th: Friday the 27th, then Wednesday the 25th (Thursday is Thanksgiving).
    expect(before!.dueAt.toISOString()).toBe("2026-11-25T22:00:00.000Z");
    expect(onDay!.milestoneId).toBe("m-launch");
  });

  test("channel checklists only for the campaign's channels; dependencies on tasks left out are dropped", () => {
    const tasks = [
      task("brief"),
      task("linkedin-copy", { channel: "linkedin", dependsOn: ["brief"] }),
      task("email-copy", { channel: "email", dependsOn: ["brief"] }),
      task("review", { dependsOn: ["brief", "linkedin-copy", "email-copy"] }),
    ];
    const planned = plan(tasks, ["email"]);
    expect(planned.map((t) => t.key)).toEqual(["brief", "email-copy", "review"]);
    expect(planned.find((t) => t.key === "review")!.dependsOn).toEqual(["brief", "email-copy"]);
  });

  test("a milestone the campaign doesn't have: due before the launch day's work, with no milestone", () => {
    const [orphan] = plan([task("orphan", { milestone: "Gone", businessDaysBefore: 1 })]);
    expect(orphan!.milestoneId).toBeNull();
    expect(orphan!.dueAt.toISOString()).toBe("2026-11-27T22:00:00.000Z");
  });
});
