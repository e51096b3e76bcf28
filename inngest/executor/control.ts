// What an operator may do to a run by hand: cancel it, retry it after a failure,
// or cut a sleep or a wait short. Each action is one transaction holding the
// run's lock, like every other change of a run. Executors find the work these
// leave due on their next poll. Cancel and retry read the synced functions
// from the database (who listens to inngest/function.cancelled, which cancelOn
// rules a retried run gets back), so any process sharing it can act.
import { and, eq, inArray, isNotNull, max, or, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { workflowJobs, workflowRuns, workflowSteps } from "@/db/schema";
import { cancelRun as cancelLockedRun } from "./finish-run";
import type { ExecutorHooks } from "./hooks";
import { addCancelRules } from "./ingest";
import { FunctionRegistry } from "./registry";
import { isFinished, lockRun, saveRun, type Tx } from "./run-state";
import { loadStoredFunctions } from "./sync";

/** An action that does not fit the run's state; the message is meant for the person who asked. */
export class ControlError extends Error {
  constructor(
    message: string,
    /** "not-found" when the run or step does not exist, else "conflict". */
    readonly reason: "not-found" | "conflict" = "conflict",
  ) {
    super(message);
    this.name = "ControlError";
  }
}

async function lockExisting(tx: Tx, runId: string) {
  const run = await lockRun(tx, runId);
  if (!run) throw new ControlError("We couldn't find that run.", "not-found");
  return run;
}

/** Stops a run that has not ended: its timers, waits and pending steps go; steps already done stay. */
export async function cancelRun(db: Database, runId: string, hooks?: ExecutorHooks): Promise<void> {
  const registry = await storedRegistry(db, hooks);
  await db.transaction(async (tx) => {
    const run = await lockExisting(tx, runId);
    if (isFinished(run.status)) throw new ControlError(`That run has already ended (${run.status}).`);
    await cancelLockedRun(tx, registry, run);
  });
}

async function storedRegistry(db: Database, hooks?: ExecutorHooks): Promise<FunctionRegistry> {
  const registry = new FunctionRegistry(hooks);
  await loadStoredFunctions(db, registry);
  return registry;
}

/**
 * Resumes a failed run where it failed. Steps that completed keep their
 * results and are not run again (their effects happened); failed steps and
 * steps left pending are forgotten, so the function meets them anew.
 */
export async function retryRun(db: Database, runId: string): Promise<void> {
  const registry = await storedRegistry(db);
  await db.transaction(async (tx) => {
    const run = await lockExisting(tx, runId);
    if (run.status !== "failed") throw new ControlError(`Only a failed run can be retried; this one is ${run.status}.`);

    const forgotten = await tx
      .delete(workflowSteps)
      .where(and(eq(workflowSteps.runId, run.id), or(eq(workflowSteps.status, "failed"), eq(workflowSteps.stored, false))))
      .returning({ stepId: workflowSteps.stepId, op: workflowSteps.op });
    // A failed step.invoke is invoked again; the earlier invoked run keeps its
    // history but gives up the event id, which would otherwise start nothing new.
    const invokes = forgotten.filter((step) => step.op === "InvokeFunction").map((step) => `invoke-${run.id}-${step.stepId}`);
    if (invokes.length > 0) {
      await tx
        .update(workflowRuns)
        .set({ eventId: sql`${workflowRuns.eventId} || '~' || ${workflowRuns.id}` })
        .where(and(eq(workflowRuns.parentRunId, run.id), inArray(workflowRuns.eventId, invokes)));
    }

    // The SDK replays stored steps in completion order; new ones are stored after the last kept one.
    const [last] = await tx
      .select({ seq: max(workflowSteps.seq) })
      .from(workflowSteps)
      .where(and(eq(workflowSteps.runId, run.id), eq(workflowSteps.stored, true), isNotNull(workflowSteps.seq)));
    run.stepCount = last?.seq ?? 0;
    await saveRun(tx, run, { status: "queued", attempt: 0, error: null, endedAt: null, parallel: false });
    await tx.insert(workflowJobs).values({ kind: "call", functionId: run.functionId, runId: run.id }).onConflictDoNothing();
    // Live again, it may be cancelled again; a rule's timeout still counts from the run's start.
    await addCancelRules(tx, registry, [run]);
  });
}

/** Ends a step.sleep, or a step.waitForEvent or step.invoke's wait, now: as if its timer had fired. */
export async function wakeStep(db: Database, runId: string, stepId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockExisting(tx, runId);
    const [step] = await tx
      .select({ status: workflowSteps.status, op: workflowSteps.op })
      .from(workflowSteps)
      .where(and(eq(workflowSteps.runId, runId), eq(workflowSteps.stepId, stepId)));
    if (!step) throw new ControlError("We couldn't find that step in this run.", "not-found");
    if (step.status !== "sleeping" && step.status !== "waiting") {
      throw new ControlError("That step is not sleeping or waiting, so there is nothing to wake.");
    }
    const timer = await tx
      .update(workflowJobs)
      .set({ dueAt: sql`now()` })
      .where(and(eq(workflowJobs.runId, runId), eq(workflowJobs.stepId, stepId), eq(workflowJobs.kind, step.status === "sleeping" ? "wake" : "timeout")))
      .returning({ id: workflowJobs.id });
    if (timer.length === 0) throw new ControlError("That step is not sleeping or waiting, so there is nothing to wake.");
    await tx
      .update(workflowSteps)
      .set({ dueAt: sql`now()` })
      .where(and(eq(workflowSteps.runId, runId), eq(workflowSteps.stepId, stepId)));
  });
}
