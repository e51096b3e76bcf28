import type { TemplateTask } from "@/db/schema/campaigns";

// What is wrong with a template's tasks as a whole (each field on its own is the
// schema's job): keys repeated, dependencies on keys that are not there, a circle
// of dependencies, milestones the template does not have, skills the workspace
// does not use. Pure, so the settings page shows the same messages before saving.

export interface TemplateTaskProblem {
  /** Where, as the form names it: ["tasks", 3, "dependsOn"]. */
  path: (string | number)[];
  message: string;
}

const quoted = (title: string) => `“${title || "Untitled task"}”`;

/**
 * The first circle of dependencies among `tasks`, as the titles in order with the
 * first repeated at the end ("A → B → A"), or null. Depth-first with colours:
 * an edge back to a task still on the stack closes a circle.
 */
export function findTemplateCycle(tasks: Pick<TemplateTask, "key" | "dependsOn">[]): string[] | null {
  const byKey = new Map(tasks.map((task) => [task.key, task]));
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (key: string): string[] | null => {
    state.set(key, "visiting");
    stack.push(key);
    for (const next of byKey.get(key)?.dependsOn ?? []) {
      if (!byKey.has(next)) continue;
      if (state.get(next) === "visiting") return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(key, "done");
    return null;
  };
  for (const task of tasks) {
    if (state.has(task.key)) continue;
    const found = visit(task.key);
    // Found walking from a task to what it depends on; people read a plan the other way round.
    if (found) return found.reverse();
  }
  return null;
}

export function templateTaskProblems(input: { tasks: TemplateTask[]; milestoneNames: string[]; skills: readonly string[] }): TemplateTaskProblem[] {
  const problems: TemplateTaskProblem[] = [];
  const milestones = new Set(input.milestoneNames);
  const catalogue = new Set(input.skills);
  const firstIndex = new Map<string, number>();
  input.tasks.forEach((task, index) => {
    if (firstIndex.has(task.key)) problems.push({ path: ["tasks", index, "key"], message: `${quoted(task.title)} has the same key as another task; give each task its own` });
    else firstIndex.set(task.key, index);
  });
  const titleOf = new Map(input.tasks.map((task) => [task.key, task.title]));

  input.tasks.forEach((task, index) => {
    const at = (field: string) => ["tasks", index, field];
    if (!milestones.has(task.milestone)) {
      problems.push({ path: at("milestone"), message: `${quoted(task.title)} is due before “${task.milestone}”, which is not a milestone of this template` });
    }
    const unknownSkills = task.skills.filter((skill) => !catalogue.has(skill));
    if (unknownSkills.length > 0) {
      problems.push({ path: at("skills"), message: `${quoted(task.title)} requires ${unknownSkills.map((s) => `“${s}”`).join(", ")}, not a skill of this workspace; add it on the Team page or choose another` });
    }
    if (task.dependsOn.includes(task.key)) problems.push({ path: at("dependsOn"), message: `${quoted(task.title)} can't depend on itself` });
    const missing = task.dependsOn.filter((key) => !titleOf.has(key));
    if (missing.length > 0) problems.push({ path: at("dependsOn"), message: `${quoted(task.title)} depends on a task that is not in this template` });
  });

  const cycle = findTemplateCycle(input.tasks.map((task) => ({ key: task.key, dependsOn: task.dependsOn.filter((key) => key !== task.key) })));
  if (cycle) {
    const index = firstIndex.get(cycle[0]!)!;
    problems.push({
      path: ["tasks", index, "dependsOn"],
      message: `These tasks wait on each other in a circle, so none could start: ${cycle.map((key) => titleOf.get(key) || "Untitled task").join(" → ")}`,
    });
  }
  return problems;
}
