import type { FieldErrors, Resolver } from "react-hook-form";
import type { z } from "zod";
import type { TaskPriority } from "@/db/schema/enum-values";
import { formatDate, toLocalInputValue, type Viewer } from "@/server/services/date-time";
import type { createTaskInput, updateTaskInput } from "@/server/services/tasks/task.schema";

// A task as its form holds it (text as typed, the due time as the viewer's wall
// clock), and the one conversion to what the task router takes. The New task
// dialog and the task page share both, so they check and send the same way.

export interface TaskFormValues {
  title: string;
  description: string;
  priority: TaskPriority;
  assigneeId: string;
  /** "2026-12-14T17:00" in the viewer's zone, or "". */
  due: string;
  estimateHours: string;
  requiredSkills: string[];
  campaignId: string;
  milestoneId: string;
  contentItemId: string;
  dependsOn: { id: string; title: string }[];
}

export const emptyTaskValues: TaskFormValues = {
  title: "",
  description: "",
  priority: "medium",
  assigneeId: "",
  due: "",
  estimateHours: "",
  requiredSkills: [],
  campaignId: "",
  milestoneId: "",
  contentItemId: "",
  dependsOn: [],
};

interface SavedTask {
  title: string;
  description: string;
  priority: TaskPriority;
  assigneeId: string | null;
  dueAt: Date | null;
  estimateHours: number | null;
  requiredSkills: string[];
  campaignId: string | null;
  milestoneId: string | null;
  contentItemId: string | null;
}

/** A saved task's fields as its form shows them, the due time in the viewer's zone. */
export function taskFormValues(task: SavedTask, timeZone: string): TaskFormValues {
  return {
    title: task.title,
    description: task.description,
    priority: task.priority,
    assigneeId: task.assigneeId ?? "",
    due: task.dueAt ? toLocalInputValue(timeZone, task.dueAt) : "",
    estimateHours: task.estimateHours === null ? "" : String(task.estimateHours),
    requiredSkills: task.requiredSkills,
    campaignId: task.campaignId ?? "",
    milestoneId: task.milestoneId ?? "",
    contentItemId: task.contentItemId ?? "",
    dependsOn: [],
  };
}

/** What the router takes; an empty choice is "none", an empty estimate is "not estimated". */
export function taskInput(values: TaskFormValues, timeZone: string) {
  const estimate = values.estimateHours.trim();
  return {
    title: values.title,
    description: values.description,
    priority: values.priority,
    assigneeId: values.assigneeId || null,
    due: values.due ? { localDateTime: values.due, timeZone } : null,
    estimateHours: estimate === "" ? null : Number(estimate.replace(",", ".")),
    requiredSkills: values.requiredSkills,
    campaignId: values.campaignId || null,
    milestoneId: values.milestoneId || null,
    contentItemId: values.contentItemId || null,
  };
}

/** The form field an input path belongs to (the due time's parts are the one "due" field). */
function formField(path: PropertyKey | undefined): string {
  return path === "dependsOnIds" ? "dependsOn" : String(path ?? "root");
}

/** Checks the form with the router's own schema, so the messages are the server's; errors land on their fields. */
export function taskResolver<S extends typeof createTaskInput | typeof updateTaskInput>(
  schema: S,
  toInput: (values: TaskFormValues) => z.input<S>,
): Resolver<TaskFormValues, unknown, z.output<S>> {
  return async (values) => {
    const parsed = schema.safeParse(toInput(values));
    if (parsed.success) return { values: parsed.data as z.output<S>, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of parsed.error.issues) errors[formField(issue.path[0])] ??= { type: issue.code, message: issue.message };
    return { values: {}, errors: errors as FieldErrors<TaskFormValues> };
  };
}

/** Puts the server's refusal by its field, or at the top of the form. */
export function showServerErrors(
  setError: (name: keyof TaskFormValues | "root", error: { message: string }) => void,
  byField: Record<string, string[]>,
  message: string,
) {
  const fields = Object.entries(byField);
  for (const [field, messages] of fields) setError(formField(field) as keyof TaskFormValues, { message: messages[0]! });
  if (fields.length === 0) setError("root", { message });
}

export interface DueWarning {
  title: string;
  dueAt: Date;
}

/** “Due before “Write the brief”, which it waits on (due Mon, Dec 14, 2026).” */
export function dueWarningText(viewer: Viewer, warnings: DueWarning[]): string {
  return warnings.map((warning) => `Due before “${warning.title}”, which it waits on (due ${formatDate(viewer, new Date(warning.dueAt))}).`).join(" ");
}
