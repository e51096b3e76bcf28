// Writes to one run's state, always inside a transaction that holds the run's
// row lock (lockRun), so a run's steps, jobs and status change one writer at a
// time even with several executors on one database.
import { and, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db";
import {
  finishedRunStatuses,
  type WorkflowRun,
  type WorkflowRunStatus,
  type WorkflowStepStatus,
  workflowJobs,
  workflowRuns,
  workflowSteps,
  workflowWaits,
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

/** Removes every pending job and wait of a run that has ended. */
export async function clearPending(tx: Tx, runId: string, keepJobIds: number[] = []): Promise<void> {
  await tx
    .delete(workflowJobs)
    .where(and(eq(workflowJobs.runId, runId), keepJobIds.length ? notInArray(workflowJobs.id, keepJobIds) : undefined));
  await tx.delete(workflowWaits).where(eq(workflowWaits.runId, runId));
  await tx
    .update(workflowSteps)
    .set({ status: "cancelled", endedAt: new Date() })
    .where(and(eq(workflowSteps.runId, runId), eq(workflowSteps.stored, false), inArray(workflowSteps.status, ["planned", "sleeping", "waiting", "retrying", "running"])));
}

export async function cancelRun(tx: Tx, run: WorkflowRun): Promise<void> {
  await clearPending(tx, run.id);
  await saveRun(tx, run, { status: "cancelled", endedAt: new Date() });
}
