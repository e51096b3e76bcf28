import { relations, sql } from "drizzle-orm";
import { customType, date, index, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { campaigns, milestones } from "./campaigns";
import { contentItems } from "./content";
import { taskPriorities, taskStatuses } from "./enum-values";
import { workspaces } from "./workspaces";

// Tasks on the board, what they wait on, what people say about them, and the
// days people are away (which assignment and the critical path count).

export { taskPriorities, taskStatuses } from "./enum-values";
export type { TaskPriority, TaskStatus } from "./enum-values";
export const taskStatus = pgEnum("task_status", taskStatuses);
export const taskPriority = pgEnum("task_priority", taskPriorities);

/**
 * A fractional-index key ("a0", "a0V"): cards sort by it within a column. Byte
 * order ("C" collation) is the order the keys are made for; a language collation
 * would put "a" before "B".
 */
const positionKey = customType<{ data: string }>({ dataType: () => 'text collate "C"' });

/** Hours as an exact decimal with one place (1.5 h), read as a number. */
const hours = () => numeric({ precision: 6, scale: 1, mode: "number" });

export const tasks = pgTable(
  "tasks",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    campaignId: uuid().references(() => campaigns.id, { onDelete: "cascade" }),
    milestoneId: uuid().references(() => milestones.id, { onDelete: "set null" }),
    contentItemId: uuid().references(() => contentItems.id, { onDelete: "set null" }),
    title: text().notNull(),
    description: text().notNull().default(""),
    status: taskStatus().notNull().default("todo"),
    /** Why the task is blocked; set exactly while its status is "blocked". */
    blockedReason: text(),
    priority: taskPriority().notNull().default("medium"),
    assigneeId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Why auto-assignment picked the assignee ("Priya Shah: has copywriting, 12 h free in the week of 14 Dec"); cleared by a manual change. */
    assignmentReason: text(),
    dueAt: timestamp({ withTimezone: true }),
    estimateHours: hours(),
    requiredSkills: text().array().notNull().default(sql`'{}'::text[]`),
    /** Order within its status column. */
    position: positionKey().notNull(),
    /** The template task it was made from, so regenerating a plan can tell its own tasks apart. */
    templateKey: text(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The board reads a column in order; "My tasks" and the home page read one person's by due time;
    // a campaign's plan and critical path read its tasks.
    index("tasks_board_index").on(t.workspaceId, t.status, t.position),
    index("tasks_assignee_due_index").on(t.workspaceId, t.assigneeId, t.dueAt),
    // "My tasks" on the board: one person's column in order.
    index("tasks_assignee_board_index").on(t.workspaceId, t.assigneeId, t.status, t.position),
    index("tasks_campaign_index").on(t.workspaceId, t.campaignId, t.status, t.position),
    index("tasks_due_index").on(t.workspaceId, t.dueAt).where(sql`${t.status} <> 'done'`),
  ],
);

/** `taskId` cannot start (or finish) before `dependsOnId` is done. */
export const taskDependencies = pgTable(
  "task_dependencies",
  {
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    taskId: uuid()
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    dependsOnId: uuid()
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.dependsOnId] }), index().on(t.dependsOnId)],
);

export const taskComments = pgTable(
  "task_comments",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    taskId: uuid()
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The text with each mention stored as `@[member id]`, shown as the member's name. */
    body: text().notNull(),
    mentionedIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.taskId, t.createdAt)],
);

/** A member away on these days (inclusive), in their own calendar. */
export const timeOff = pgTable(
  "time_off",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    startDate: date({ mode: "string" }).notNull(),
    endDate: date({ mode: "string" }).notNull(),
    note: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.workspaceId, t.userId, t.startDate)],
);

export const tasksRelations = relations(tasks, ({ one, many }) => ({
  campaign: one(campaigns, { fields: [tasks.campaignId], references: [campaigns.id] }),
  assignee: one(users, { fields: [tasks.assigneeId], references: [users.id] }),
  dependencies: many(taskDependencies, { relationName: "task" }),
  comments: many(taskComments),
}));

export const taskDependenciesRelations = relations(taskDependencies, ({ one }) => ({
  task: one(tasks, { fields: [taskDependencies.taskId], references: [tasks.id], relationName: "task" }),
  dependsOn: one(tasks, { fields: [taskDependencies.dependsOnId], references: [tasks.id] }),
}));

export const taskCommentsRelations = relations(taskComments, ({ one }) => ({
  task: one(tasks, { fields: [taskComments.taskId], references: [tasks.id] }),
  author: one(users, { fields: [taskComments.authorId], references: [users.id] }),
}));

export type Task = typeof tasks.$inferSelect;
export type TaskComment = typeof taskComments.$inferSelect;
export type TimeOff = typeof timeOff.$inferSelect;
