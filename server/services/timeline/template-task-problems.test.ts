import { describe, expect, test } from "vitest";
import type { TemplateTask } from "@/db/schema/campaigns";
import { campaignTypes, channels, defaultSkills } from "@/db/schema/enum-values";
import { defaultTemplateTasks } from "./default-template-tasks";
import { defaultTemplates } from "./default-templates";
import { findTemplateCycle, templateTaskProblems } from "./template-task-problems";

const task = (key: string, dependsOn: string[] = [], overrides: Partial<TemplateTask> = {}): TemplateTask => ({
  key,
  title: key.toUpperCase(),
  estimateHours: 2,
  skills: ["copywriting"],
  dependsOn,
  milestone: "Launch",
  businessDaysBefore: 1,
  ...overrides,
});
const check = (tasks: TemplateTask[]) => templateTaskProblems({ tasks, milestoneNames: ["Brief", "Launch"], skills: defaultSkills });

describe("built-in template tasks", () => {
  test("every type's plan is valid against its built-in milestones and the default skills", () => {
    for (const type of campaignTypes) {
      const tasks = defaultTemplateTasks[type];
      expect(tasks.filter((t) => !t.channel).length, type).toBeGreaterThanOrEqual(6);
      expect(templateTaskProblems({ tasks, milestoneNames: defaultTemplates[type].map((m) => m.name), skills: defaultSkills }), type).toEqual([]);
      for (const t of tasks) expect(t.estimateHours >= 0 && t.estimateHours <= 1000, `${type} ${t.key}`).toBe(true);
    }
  });

  test("each channel has a copy, visual and scheduling checklist, in order (LinkedIn: copy, image with alt text, schedule)", () => {
    const launch = defaultTemplateTasks.product_launch;
    for (const channel of channels) {
      const list = launch.filter((t) => t.channel === channel);
      expect(list.map((t) => t.key), channel).toEqual([`${channel}-copy`, `${channel}-visual`, `${channel}-schedule`]);
      expect(list[2]!.dependsOn).toEqual([`${channel}-visual`]);
    }
    expect(launch.filter((t) => t.channel === "linkedin").map((t) => t.title)).toEqual(["Write LinkedIn copy", "Image with alt text", "Schedule LinkedIn post"]);
    // A newsletter is its email: it gets no email checklist of its own.
    expect(defaultTemplateTasks.newsletter.some((t) => t.channel === "email")).toBe(false);
  });
});

describe("templateTaskProblems", () => {
  test("a sound plan has none", () => {
    expect(check([task("a"), task("b", ["a"]), task("c", ["a", "b"], { milestone: "Brief" })])).toEqual([]);
  });

  test("a repeated key, a dependency on a missing task or on itself, an unknown milestone or skill: each named at its field", () => {
    expect(check([task("a"), task("a")])).toEqual([{ path: ["tasks", 1, "key"], message: "“A” has the same key as another task; give each task its own" }]);
    expect(check([task("a", ["zzz"])])).toEqual([{ path: ["tasks", 0, "dependsOn"], message: "“A” depends on a task that is not in this template" }]);
    expect(check([task("a", ["a"])])).toEqual([{ path: ["tasks", 0, "dependsOn"], message: "“A” can't depend on itself" }]);
    expect(check([task("a", [], { milestone: "Party" })])).toEqual([
      { path: ["tasks", 0, "milestone"], message: "“A” is due before “Party”, which is not a milestone of this template" },
    ]);
    expect(check([task("a", [], { skills: ["copywriting", "juggling"] })])).toEqual([
      { path: ["tasks", 0, "skills"], message: "“A” requires “juggling”, not a skill of this workspace; add it on the Team page or choose another" },
    ]);
  });

  test("a circle of dependencies is refused with the circle named in the order the work would flow", () => {
    const problems = check([task("start"), task("a", ["c", "start"]), task("b", ["a"]), task("c", ["b"])]);
    expect(problems).toEqual([{ path: ["tasks", 1, "dependsOn"], message: "These tasks wait on each other in a circle, so none could start: A → B → C → A" }]);
    expect(findTemplateCycle([{ key: "x", dependsOn: ["y"] }, { key: "y", dependsOn: [] }])).toBeNull();
  });
});
