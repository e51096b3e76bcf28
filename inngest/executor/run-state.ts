// Writes to one run's state, always inside a transaction that holds the run's
// row lock (lockRun), so a run's steps, jobs and status change one writer at a
// time even with several executors on one database.
import { rowsOf } from "@/db/rows-of";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db";
import {
  finishedRunStatuses,
  type WorkflowJob,
  type WorkflowRun,
  type WorkflowRunStatus,
  type WorkflowStepStatus,
  workflowRuns,
  workflowSteps,
} from "@/db/schema";
import type { SerializedError } from "./protocol";

export type Tx = Transaction | Database;

export function isFinished(status: WorkflowRunStatus): boolean {
  return (finishedRunStatuses as readonly string[]).includes(status);
}

/** The run, locked until the transaction ends; undefined when it does not exist. */
export async function lockRun(tx: Tx, runId: string): Promise<WorkflowRun | undefined> {
  const [run] = await tx.select().from(workflowRuns).where(eq(workflowRuns.id, runId)).for("update");
  return run;
}

export interface StoredStep {
  stepId: string;
  name: string;
  op: string;
  memo: unknown;
  status: Extract<WorkflowStepStatus, "completed" | "failed" | "cancelled">;
  error?: SerializedError | null;
}

/**
 * The statement that stores a step's result once, given its place in
 * completion order (`seq`): a step stored before (a duplicate delivery) keeps
 * its first result. `when` guards it inside a larger statement. Returns a row
 * when it stored.
 */
export function stepUpsert(runId: string, step: StoredStep, seq: number, now: Date, when: SQL = sql`true`): SQL {
  const at = now.toISOString();
  return sql`
    insert into workflow_steps as s (run_id, step_id, name, op, status, memo, stored, seq, error, attempts, started_at, ended_at)
    select ${runId}::uuid, ${step.stepId}, ${step.name}, ${step.op}, ${step.status}::workflow_step_status, ${jsonParam(step.memo)}::jsonb,
      true, ${seq}::int, ${jsonParam(step.error)}::jsonb, 1, ${at}::timestamptz, ${at}::timestamptz
    where ${when}
    on conflict (run_id, step_id) do update set
      status = excluded.status, memo = excluded.memo, stored = true, seq = excluded.seq, error = coalesce(excluded.error, s.error),
      attempts = greatest(s.attempts, 1), started_at = coalesce(s.started_at, excluded.started_at), ended_at = excluded.ended_at
    where not s.stored
    returning 1`;
}

/** A JSON value as a statement parameter (cast to jsonb by the statement); SQL null for none. */
export function jsonParam(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** Stores a step's result once; the run's step counter gives it its place in completion order. */
export async function storeStep(tx: Tx, run: WorkflowRun, step: StoredStep): Promise<boolean> {
  const seq = run.stepCount + 1;
  const stored = rowsOf(await tx.execute(stepUpsert(run.id, step, seq, new Date()))).length > 0;
  if (stored) run.stepCount = seq;
  return stored;
}

/** Notes a step that is not stored yet (planned, sleeping, waiting, retrying), keeping its attempts. */
export async function markStep(
  tx: Tx,
  runId: string,
  step: { stepId: string; name: string; op: string; status: WorkflowStepStatus; dueAt?: Date | null; error?: SerializedError | null; attempts?: number },
): Promise<void> {
  await tx
    .insert(workflowSteps)
    .values({ runId, ...step, dueAt: step.dueAt ?? null, error: step.error ?? null, attempts: step.attempts ?? 0 })
    .onConflictDoUpdate({
      target: [workflowSteps.runId, workflowSteps.stepId],
      set: {
        status: step.status,
        dueAt: step.dueAt ?? null,
        ...(step.error ? { error: step.error } : {}),
        ...(step.attempts !== undefined ? { attempts: step.attempts } : {}),
      },
      setWhere: eq(workflowSteps.stored, false),
    });
}

/** Ids of the steps whose results the SDK gets back, in completion order. */
export async function loadStoredSteps(tx: Tx, runId: string): Promise<{ steps: Record<string, unknown>; stack: string[] }> {
  const rows = await tx
    .select({ stepId: workflowSteps.stepId, memo: workflowSteps.memo })
    .from(workflowSteps)
    .where(and(eq(workflowSteps.runId, runId), eq(workflowSteps.stored, true)))
    .orderBy(workflowSteps.seq);
  const steps: Record<string, unknown> = {};
  for (const row of rows) steps[row.stepId] = row.memo;
  return { steps, stack: rows.map((row) => row.stepId) };
}

export async function saveRun(tx: Tx, run: WorkflowRun, changes: Partial<WorkflowRun>): Promise<void> {
  Object.assign(run, changes);
  await tx
    .update(workflowRuns)
    .set({ stepCount: run.stepCount, ...changes })
    .where(eq(workflowRuns.id, run.id));
}

/**
 * Ends a run: every pending job, wait and cancelOn rule goes, steps left pending show as
 * cancelled, and the run takes `changes`. One statement, as every run ends
 * this way and the round trips add up.
 */
export async function endRun(tx: Tx, run: WorkflowRun, changes: Partial<WorkflowRun> & { endedAt: Date }): Promise<void> {
  Object.assign(run, changes);
  await tx.execute(sql`
    with jobs as (delete from workflow_jobs where run_id = ${run.id}::uuid),
    waits as (delete from workflow_waits where run_id = ${run.id}::uuid),
    cancels as (delete from workflow_cancels where run_id = ${run.id}::uuid),
    steps as (
      update workflow_steps set status = 'cancelled', ended_at = ${changes.endedAt.toISOString()}::timestamptz
      where run_id = ${run.id}::uuid and not stored and status in ('planned', 'sleeping', 'waiting', 'retrying', 'running')
    )
    ${tx.update(workflowRuns).set({ stepCount: run.stepCount, ...changes }).where(eq(workflowRuns.id, run.id)).getSQL()}`);
}

export { rowsOf } from "@/db/rows-of";

export interface JobRow {
  id: number | string | bigint;
  kind: WorkflowJob["kind"];
  function_id: string;
  run_id: string | null;
  step_id: string | null;
  attempt: number;
  due_at: Date | string;
  claimed_by: string | null;
  claimed_until: Date | string | null;
}

/** A run as `to_jsonb` gives it: column names, timestamps as text. */
export interface RunJson {
  id: string;
  function_id: string;
  event_id: string;
  event: Record<string, unknown>;
  workspace_id: string | null;
  status: WorkflowRunStatus;
  attempt: number;
  step_count: number;
  parallel: boolean;
  output: unknown;
  error: WorkflowRun["error"];
  parent_run_id: string | null;
  parent_step_id: string | null;
  created_at: string;
  started_at: string | null;
  ended_at: string | null;
}

export function toRun(row: RunJson): WorkflowRun {
  const date = (value: string | null) => (value === null ? null : new Date(value));
  return {
    id: row.id,
    functionId: row.function_id,
    eventId: row.event_id,
    event: row.event,
    workspaceId: row.workspace_id,
    status: row.status,
    attempt: row.attempt,
    stepCount: row.step_count,
    parallel: row.parallel,
    output: row.output ?? null,
    error: row.error ?? null,
    parentRunId: row.parent_run_id,
    parentStepId: row.parent_step_id,
    createdAt: new Date(row.created_at),
    startedAt: date(row.started_at),
    endedAt: date(row.ended_at),
  };
}

/** A job as drizzle would map it, from a raw row (timestamps come as strings through postgres.js, as Dates through PGlite). */
export function toJob(row: JobRow): WorkflowJob {
  return {
    id: Number(row.id),
    kind: row.kind,
    functionId: row.function_id,
    runId: row.run_id,
    stepId: row.step_id,
    attempt: row.attempt,
    dueAt: new Date(row.due_at),
    claimedBy: row.claimed_by,
    claimedUntil: row.claimed_until === null ? null : new Date(row.claimed_until),
  };
}
