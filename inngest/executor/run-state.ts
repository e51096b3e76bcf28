// Writes to one run's state, always inside a transaction that holds the run's
// row lock (lockRun), so a run's steps, jobs and status change one writer at a
// time even with several executors on one database.
import { and, eq, ne, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db";
import {
  finishedRunStatuses,
  type WorkflowJob,
  type WorkflowRun,
  type WorkflowRunStatus,
  type WorkflowStepStatus,
  workflowJobs,
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
 * Stores a step's result once. The run's step counter gives it its place in
 * completion order; a step stored before (a duplicate delivery) keeps its first result.
 */
export async function storeStep(tx: Tx, run: WorkflowRun, step: StoredStep): Promise<boolean> {
  const seq = run.stepCount + 1;
  const now = new Date();
  const stored = await tx
    .insert(workflowSteps)
    .values({
      runId: run.id,
      stepId: step.stepId,
      name: step.name,
      op: step.op,
      status: step.status,
      memo: step.memo ?? null,
      stored: true,
      seq,
      error: step.error ?? null,
      attempts: 1,
      startedAt: now,
      endedAt: now,
    })
    .onConflictDoUpdate({
      target: [workflowSteps.runId, workflowSteps.stepId],
      set: {
        status: step.status,
        memo: step.memo ?? null,
        stored: true,
        seq,
        error: step.error ?? sql`${workflowSteps.error}`,
        attempts: sql`greatest(${workflowSteps.attempts}, 1)`,
        startedAt: sql`coalesce(${workflowSteps.startedAt}, ${now.toISOString()}::timestamptz)`,
        endedAt: now,
      },
      setWhere: eq(workflowSteps.stored, false),
    })
    .returning({ stepId: workflowSteps.stepId });
  if (stored.length > 0) run.stepCount = seq;
  return stored.length > 0;
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

/** The status a live run shows, from the work it has pending. */
export async function pendingStatus(tx: Tx, runId: string): Promise<WorkflowRunStatus> {
  const rows = await tx
    .select({ kind: workflowJobs.kind })
    .from(workflowJobs)
    .where(eq(workflowJobs.runId, runId))
    .groupBy(workflowJobs.kind);
  const kinds = new Set(rows.map((row) => row.kind));
  if (kinds.has("call")) return "running";
  if (kinds.has("wake")) return "sleeping";
  return "waiting";
}

export async function saveRun(tx: Tx, run: WorkflowRun, changes: Partial<WorkflowRun>): Promise<void> {
  Object.assign(run, changes);
  await tx
    .update(workflowRuns)
    .set({ stepCount: run.stepCount, ...changes })
    .where(eq(workflowRuns.id, run.id));
}

/**
 * Carries on a run after one of its steps was stored from outside a call (an
 * event matched a wait, an invoked run ended, a timer fired): when nothing else
 * of the run is pending, the SDK is asked for the next step.
 */
export async function continueRun(tx: Tx, run: WorkflowRun, exceptJobId?: number): Promise<void> {
  const others = await tx
    .select({ id: workflowJobs.id })
    .from(workflowJobs)
    .where(and(eq(workflowJobs.runId, run.id), exceptJobId === undefined ? undefined : ne(workflowJobs.id, exceptJobId)))
    .limit(1);
  let parallel = run.parallel;
  if (others.length === 0) {
    await tx.insert(workflowJobs).values({ kind: "call", functionId: run.functionId, runId: run.id }).onConflictDoNothing();
    parallel = false;
  }
  await saveRun(tx, run, { status: await pendingStatus(tx, run.id), parallel });
}

/**
 * Ends a run: every pending job and wait goes, steps left pending show as
 * cancelled, and the run takes `changes`. One statement, as every run ends
 * this way and the round trips add up.
 */
export async function endRun(tx: Tx, run: WorkflowRun, changes: Partial<WorkflowRun> & { endedAt: Date }): Promise<void> {
  Object.assign(run, changes);
  await tx.execute(sql`
    with jobs as (delete from workflow_jobs where run_id = ${run.id}::uuid),
    waits as (delete from workflow_waits where run_id = ${run.id}::uuid),
    steps as (
      update workflow_steps set status = 'cancelled', ended_at = ${changes.endedAt.toISOString()}::timestamptz
      where run_id = ${run.id}::uuid and not stored and status in ('planned', 'sleeping', 'waiting', 'retrying', 'running')
    )
    ${tx.update(workflowRuns).set({ stepCount: run.stepCount, ...changes }).where(eq(workflowRuns.id, run.id)).getSQL()}`);
}

export async function cancelRun(tx: Tx, run: WorkflowRun): Promise<void> {
  await endRun(tx, run, { status: "cancelled", endedAt: new Date() });
}

/** Rows of a statement run with `execute`: postgres.js gives an array, PGlite an object holding one. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * The most common answer of all, in one statement on a run locked before it
 * (so it reads the run's jobs as they are): if the job is still `executorId`'s
 * and nothing else of the run is pending, the step is stored (once, as
 * storeStep does) and the job becomes the run's next discovery call, due now.
 * Otherwise nothing changes and `applied` is false.
 */
export async function storeStepAndDiscover(
  tx: Tx,
  run: WorkflowRun,
  jobId: number,
  executorId: string,
  step: StoredStep,
  now: Date,
): Promise<{ applied: boolean; job: WorkflowJob | null }> {
  const seq = run.stepCount + 1;
  const at = now.toISOString();
  const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
  const result = await tx.execute(sql`
    with mine as (
      select id from workflow_jobs where id = ${jobId} and claimed_by = ${executorId} for update
    ),
    go as (
      select 1 from mine where not exists (select 1 from workflow_jobs where run_id = ${run.id}::uuid and id <> ${jobId})
    ),
    stored as (
      insert into workflow_steps as s (run_id, step_id, name, op, status, memo, stored, seq, error, attempts, started_at, ended_at)
      select ${run.id}::uuid, ${step.stepId}, ${step.name}, ${step.op}, ${step.status}::workflow_step_status, ${json(step.memo)}::jsonb,
        true, ${seq}::int, ${json(step.error)}::jsonb, 1, ${at}::timestamptz, ${at}::timestamptz
      where exists (select 1 from go)
      on conflict (run_id, step_id) do update set
        status = excluded.status, memo = excluded.memo, stored = true, seq = excluded.seq, error = coalesce(excluded.error, s.error),
        attempts = greatest(s.attempts, 1), started_at = coalesce(s.started_at, excluded.started_at), ended_at = excluded.ended_at
      where not s.stored
      returning 1
    ),
    job as (
      update workflow_jobs set kind = 'call', step_id = null, attempt = 0, due_at = ${at}::timestamptz
      where id = ${jobId} and exists (select 1 from go)
      returning id, kind, function_id, run_id, step_id, attempt, due_at, claimed_by, claimed_until
    ),
    run as (
      update workflow_runs set step_count = case when exists (select 1 from stored) then ${seq}::int else step_count end, status = 'running', parallel = false
      where id = ${run.id}::uuid and exists (select 1 from go)
    )
    select exists (select 1 from go) as applied, exists (select 1 from stored) as stored, job.*
    from (select 1) as one left join job on true`);
  const [row] = rowsOf<Partial<JobRow> & { applied: boolean; stored: boolean }>(result);
  if (!row?.applied) return { applied: false, job: null };
  if (row.stored) run.stepCount = seq;
  Object.assign(run, { status: "running", parallel: false });
  return { applied: true, job: row.id === undefined || row.id === null ? null : toJob(row as JobRow) };
}

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
