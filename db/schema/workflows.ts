import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";
import { workflowRunStatuses, type WorkflowRunStatus } from "./enum-values";

// State of the embedded workflow executor (inngest/executor): the functions it
// learnt at sync, the events it received, and every run's steps, timers and
// waits. Everything an executor needs to resume after a crash is in these rows.

/** A function as synced from a serve() endpoint; `config` is the SDK's own function config. */
export const workflowFunctions = pgTable("workflow_functions", {
  id: text().primaryKey(),
  appId: text().notNull(),
  name: text().notNull(),
  url: text().notNull(),
  config: jsonb().$type<Record<string, unknown>>().notNull(),
  syncedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** Set when a later sync of the app no longer lists the function. */
  removedAt: timestamp({ withTimezone: true }),
});

/** Received events; the id is the idempotency key (an event id seen twice starts nothing the second time). */
export const workflowEvents = pgTable(
  "workflow_events",
  {
    id: text().primaryKey(),
    name: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    /** The event as the SDK sent it (name, data, id, ts, user, v). */
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.name, t.receivedAt)],
);

export { workflowRunStatuses } from "./enum-values";
export type { WorkflowRunStatus } from "./enum-values";
export const workflowRunStatus = pgEnum("workflow_run_status", workflowRunStatuses);
export const finishedRunStatuses = ["completed", "failed", "cancelled"] as const satisfies WorkflowRunStatus[];

export const workflowRuns = pgTable(
  "workflow_runs",
  {
    id: uuid().primaryKey().defaultRandom(),
    functionId: text().notNull(),
    eventId: text().notNull(),
    /** The trigger event exactly as the function receives it. */
    event: jsonb().$type<Record<string, unknown>>().notNull(),
    /** From the trigger's `data.workspaceId`; null for runs that belong to no workspace. */
    workspaceId: uuid().references(() => workspaces.id, { onDelete: "cascade" }),
    status: workflowRunStatus().notNull().default("queued"),
    /** Function-level attempt (a function error outside any step is retried as a whole). */
    attempt: integer().notNull().default(0),
    /** Steps stored so far; gives each stored step its place in the SDK's completion stack. */
    stepCount: integer().notNull().default(0),
    /** Once a run fans out into parallel steps, the SDK must plan steps instead of running them inline. */
    parallel: boolean().notNull().default(false),
    output: jsonb(),
    error: jsonb().$type<{ name?: string; message: string; stack?: string }>(),
    /** For runs started by step.invoke: the step in the calling run that waits for this one. */
    parentRunId: uuid(),
    parentStepId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex().on(t.functionId, t.eventId),
    index().on(t.workspaceId, t.createdAt),
    index().on(t.functionId, t.status),
    index().on(t.parentRunId),
  ],
);

export const workflowStepStatuses = [
  "planned",
  "running",
  "retrying",
  "sleeping",
  "waiting",
  "completed",
  "failed",
  "cancelled",
] as const;
export type WorkflowStepStatus = (typeof workflowStepStatuses)[number];
export const workflowStepStatus = pgEnum("workflow_step_status", workflowStepStatuses);

/** One row per step of a run, keyed by the SDK's hashed step id. `memo` is what the SDK gets back for it. */
export const workflowSteps = pgTable(
  "workflow_steps",
  {
    runId: uuid()
      .notNull()
      .references(() => workflowRuns.id, { onDelete: "cascade" }),
    stepId: text().notNull(),
    name: text().notNull(),
    op: text().notNull(),
    status: workflowStepStatus().notNull(),
    attempts: integer().notNull().default(0),
    /** Set once the step is stored: `{ data }`, `{ error }`, or a raw event/null for waits and sleeps. */
    memo: jsonb(),
    stored: boolean().notNull().default(false),
    /** Position in completion order, which the SDK uses to replay parallel steps deterministically. */
    seq: integer(),
    error: jsonb().$type<{ name?: string; message: string; stack?: string }>(),
    /** When a sleep wakes or a wait times out. */
    dueAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.runId, t.stepId] })],
);

export const workflowJobKinds = ["call", "wake", "timeout", "cron"] as const;
export type WorkflowJobKind = (typeof workflowJobKinds)[number];
export const workflowJobKind = pgEnum("workflow_job_kind", workflowJobKinds);

/**
 * Due work, claimed with FOR UPDATE SKIP LOCKED and a lease:
 *   call     POST the function (step_id null: discover the next step; else run that planned step)
 *   wake     a sleep is over
 *   timeout  a waitForEvent or invoke gave up waiting
 *   cron     a cron trigger fires
 */
export const workflowJobs = pgTable(
  "workflow_jobs",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    kind: workflowJobKind().notNull(),
    functionId: text().notNull(),
    runId: uuid().references(() => workflowRuns.id, { onDelete: "cascade" }),
    stepId: text(),
    attempt: integer().notNull().default(0),
    dueAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    claimedBy: text(),
    claimedUntil: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.dueAt),
    index().on(t.runId),
    // One discovery call per run at a time, one job per planned step, one schedule per cron function.
    uniqueIndex("workflow_jobs_one_discovery").on(t.runId).where(sql`${t.kind} = 'call' and ${t.stepId} is null`),
    uniqueIndex("workflow_jobs_one_per_step").on(t.runId, t.stepId).where(sql`${t.stepId} is not null`),
    uniqueIndex("workflow_jobs_one_cron").on(t.functionId).where(sql`${t.kind} = 'cron'`),
  ],
);

/** A run waiting in step.waitForEvent; only events received after it was stored can match. */
export const workflowWaits = pgTable(
  "workflow_waits",
  {
    runId: uuid()
      .notNull()
      .references(() => workflowRuns.id, { onDelete: "cascade" }),
    stepId: text().notNull(),
    eventName: text().notNull(),
    expression: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.stepId] }), index().on(t.eventName)],
);

/**
 * A live run's cancelOn rules, stored when the run starts so an event finds the
 * runs it may cancel through the event name's index, instead of every live run
 * of every function that cancels on it. They go when the run ends.
 */
export const workflowCancels = pgTable(
  "workflow_cancels",
  {
    runId: uuid()
      .notNull()
      .references(() => workflowRuns.id, { onDelete: "cascade" }),
    /** The rule's place in the function's cancelOn list. */
    rule: integer().notNull(),
    eventName: text().notNull(),
    /** The rule's `if`, with `event` the run's trigger and `async` the incoming event. */
    expression: text(),
    /** From the rule's timeout: events after it no longer cancel. */
    expiresAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.runId, t.rule] }), index().on(t.eventName)],
);

export type WorkflowFunction = typeof workflowFunctions.$inferSelect;
export type WorkflowRun = typeof workflowRuns.$inferSelect;
export type WorkflowStep = typeof workflowSteps.$inferSelect;
export type WorkflowJob = typeof workflowJobs.$inferSelect;
export type WorkflowWait = typeof workflowWaits.$inferSelect;
export type WorkflowCancel = typeof workflowCancels.$inferSelect;
