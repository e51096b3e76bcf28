import { z } from "zod";
import { taskPriorities, taskStatuses } from "@/db/schema/enum-values";
import { localDateTime, timeZoneName } from "@/server/services/shared/date.schema";
import { id, int, tenths } from "@/server/services/shared/number.schema";
import { searchText, text } from "@/server/services/shared/text.schema";

// Task fields, shared by the task router, the services and the board's forms.

export const MAX_ESTIMATE_HOURS = 1000;

export const taskStatusField = z.enum(taskStatuses, { error: `Choose a status: ${taskStatuses.join(", ")}` });
export const taskPriorityField = z.enum(taskPriorities, { error: `Choose a priority: ${taskPriorities.join(", ")}` });
export const skillName = text({ required: "Name the skill", max: 60, tooLong: "Use at most 60 characters for a skill" });

export const taskIdInput = z.object({ taskId: id("Choose a task") });

/** A due time as a person enters it: a wall-clock time in their zone. */
export const dueField = z.object({
  localDateTime: localDateTime(),
  timeZone: timeZoneName(undefined, { known: false }),
});

export const taskFields = {
  title: text({ required: "Give the task a title", max: 300, tooLong: "Use at most 300 characters for the title" }),
  description: text({ max: 20_000, multiline: true, tooLong: "Keep the description to at most 20,000 characters" }),
  priority: taskPriorityField,
  assigneeId: id("Choose a member to assign").nullable(),
  due: dueField.nullable(),
  estimateHours: tenths("estimate", MAX_ESTIMATE_HOURS).nullable(),
  requiredSkills: z.array(skillName).max(10, "Require at most 10 skills"),
  campaignId: id("Choose a campaign").nullable(),
  milestoneId: id("Choose a milestone").nullable(),
  contentItemId: id("Choose a content item").nullable(),
};

/** What a person can set on a task, each optional but the title on creation. */
const editableTask = z.object(taskFields).partial();

export const createTaskInput = editableTask.extend({
  title: taskFields.title,
  /** The column it starts in (to do unless said). */
  status: taskStatusField.optional(),
  dependsOnIds: z.array(id("Choose a task it depends on")).max(50, "A task can wait on at most 50 others").optional(),
});
export type CreateTaskInput = z.infer<typeof createTaskInput>;

export const updateTaskInput = taskIdInput.extend(editableTask.shape);
export type UpdateTaskInput = z.infer<typeof updateTaskInput>;

/** A card dropped into `status`, right after `afterTaskId` (null: at the top). */
export const moveTaskInput = taskIdInput.extend({
  status: taskStatusField,
  afterTaskId: id("Choose the card it goes after").nullable(),
  blockedReason: text({ max: 500, tooLong: "Keep the reason to at most 500 characters" }).optional(),
});
export type MoveTaskInput = z.infer<typeof moveTaskInput>;

export const dependencyInput = taskIdInput.extend({ dependsOnId: id("Choose the task it depends on") });
export type DependencyInput = z.infer<typeof dependencyInput>;

export const commentInput = taskIdInput.extend({
  /** Mentions are written `@[member id]`; the page shows them as names. */
  body: text({ required: "Write a comment", max: 10_000, multiline: true, tooLong: "Keep a comment to at most 10,000 characters" }),
});
export type CommentInput = z.infer<typeof commentInput>;

export const dueFilters = ["today", "overdue", "week"] as const;
export type DueFilter = (typeof dueFilters)[number];

/** The board's and the list's filters, as the address keeps them. */
export const taskFilters = z.object({
  campaignId: id("Choose a campaign").optional(),
  assigneeId: id("Choose a member").optional(),
  /** Only the caller's own tasks. */
  mine: z.boolean().optional(),
  due: z.enum(dueFilters, { error: "Choose today, overdue or this week" }).optional(),
  skill: skillName.optional(),
  priority: taskPriorityField.optional(),
  search: searchText().optional(),
  /** The viewer's zone, which decides when "today" and "this week" are. */
  timeZone: timeZoneName().optional(),
});
export type TaskFilters = z.infer<typeof taskFilters>;

// A screen and a half of cards; a column loads more as it scrolls (task.column).
export const BOARD_PAGE = 30;

export const boardInput = taskFilters.extend({
  /** Cards per column in the first read; each column pages on with `column`. */
  limit: int({ message: "Ask for a whole number of cards", min: 1, max: 200 }).optional(),
});
export type BoardInput = z.infer<typeof boardInput>;

export const columnInput = taskFilters.extend({
  status: taskStatusField,
  /** The position of the last card already shown. */
  after: text({ max: 200, tooLong: "That page marker is too long" }).optional(),
  limit: int({ message: "Ask for a whole number of cards", min: 1, max: 200 }).optional(),
});
export type ColumnInput = z.infer<typeof columnInput>;

export const taskSorts = ["due", "priority", "title", "status", "updated"] as const;
export const listTasksInput = taskFilters.extend({
  sort: z.enum(taskSorts, { error: `Sort by ${taskSorts.join(", ")}` }).optional(),
  direction: z.enum(["asc", "desc"], { error: "Sort up or down" }).optional(),
  limit: int({ message: "Ask for a whole number of tasks", min: 1, max: 500 }).optional(),
  offset: int({ message: "Ask for a whole number", min: 0, max: 1_000_000 }).optional(),
});
export type ListTasksInput = z.infer<typeof listTasksInput>;

export const todaysWorkInput = z.object({ timeZone: timeZoneName().optional() });
