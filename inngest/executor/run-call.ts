// A "call" job: POST the function (discovery, or one planned step) and act on
// the answer. The most common answer, one step run and reported, is stored and
// turned into the next call in one statement; any other goes through applyOps.
import { and, eq, sql } from "drizzle-orm";
import { type WorkflowJob, type WorkflowRun, workflowJobs, workflowRuns, workflowSteps } from "@/db/schema";
import { applyOps, stepResult } from "./apply-ops";
import { callFunction } from "./call-function";
import { completeRun, failRun } from "./finish-run";
import { finishInTx, lockForJob, releaseJob } from "./job-lock";
import { carriedMemo, remember, type StoredMemo, storedMemo } from "./memo";
import { advanceRun } from "./next-work";
import type { ExecutorContext, Next } from "./process-job";
import { isFinished, lockRun, saveRun, type StoredStep, type Tx } from "./run-state";

// A serve endpoint that does not answer at all is tried again after this long.
const UNREACHABLE_RETRY_MS = 2_000;

export async function runCall(ctx: ExecutorContext, job: WorkflowJob, known?: WorkflowRun, knownMemo?: StoredMemo): Promise<Next | null> {
  const run = known ?? (await ctx.db.select().from(workflowRuns).where(eq(workflowRuns.id, job.runId!)))[0];
  if (!run || isFinished(run.status)) {
    await ctx.db.delete(workflowJobs).where(and(eq(workflowJobs.id, job.id), eq(workflowJobs.claimedBy, ctx.executorId)));
    return null;
  }
  const fn = ctx.registry.get(run.functionId);
  if (!fn) {
    return finishInTx(ctx, job, (tx, locked) =>
      failRun(tx, ctx.registry, locked, { name: "FunctionNotFound", message: `The function "${run.functionId}" is no longer served by its app.` }),
    );
  }

  if (run.status !== "running") {
    await ctx.db
      .update(workflowRuns)
      .set({ status: "running", startedAt: run.startedAt ?? new Date() })
      .where(and(eq(workflowRuns.id, run.id), sql`${workflowRuns.status} not in ('completed', 'failed', 'cancelled')`));
  }
  if (job.stepId) {
    await ctx.db
      .update(workflowSteps)
      .set({ status: "running", startedAt: sql`coalesce(${workflowSteps.startedAt}, now())`, attempts: job.attempt + 1 })
      .where(and(eq(workflowSteps.runId, run.id), eq(workflowSteps.stepId, job.stepId), eq(workflowSteps.stored, false)));
  }
  const memo = await storedMemo(ctx.db, run, knownMemo);
  const outcome = await callFunction({
    url: fn.url,
    signingKey: ctx.signingKey,
    run,
    stepId: job.stepId,
    attempt: job.attempt,
    maxAttempts: fn.maxAttempts,
    steps: memo.steps,
    stack: memo.stack,
    post: ctx.post,
    timeoutMs: ctx.callTimeoutMs,
  });

  switch (outcome.kind) {
    case "unreachable":
      await releaseJob(ctx, job, new Date(Date.now() + UNREACHABLE_RETRY_MS));
      return null;
    case "done":
      return finishInTx(ctx, job, (tx, locked) => completeRun(tx, ctx.registry, locked, outcome.output));
    case "error":
      return finishInTx(ctx, job, async (tx, locked) => {
        const attempt = locked.attempt + 1;
        if (!outcome.retry || attempt >= fn.maxAttempts) return failRun(tx, ctx.registry, locked, outcome.error);
        await saveRun(tx, locked, { attempt, error: outcome.error });
        const delay = outcome.retryAfterMs ?? ctx.backoffMs(attempt);
        await tx
          .update(workflowJobs)
          .set({ attempt: job.attempt + 1, dueAt: new Date(Date.now() + delay), claimedBy: null, claimedUntil: null })
          .where(eq(workflowJobs.id, job.id));
      });
    case "ops":
      return ctx.db.transaction(async (tx) => {
        const only = outcome.ops.length === 1 ? stepResult(outcome.ops[0]!) : null;
        if (only) return storeOnlyStep(tx, ctx, job, only, memo);
        const locked = await lockForJob(tx, ctx, job);
        if (!locked) return null;
        return applyOps(tx, ctx, fn, locked, job, outcome.ops, memo);
      });
  }
}

/**
 * The SDK ran the one step it met: stored, and the run moved on, in one
 * statement after the run's lock (it needs no look-up of the run's other
 * steps: storing is idempotent by itself).
 */
async function storeOnlyStep(tx: Tx, ctx: ExecutorContext, job: WorkflowJob, step: StoredStep, sent: StoredMemo): Promise<Next | null> {
  const run = await lockRun(tx, job.runId!);
  if (!run) return null;
  if (isFinished(run.status)) {
    await tx.delete(workflowJobs).where(and(eq(workflowJobs.id, job.id), eq(workflowJobs.claimedBy, ctx.executorId)));
    return null;
  }
  const memo = carriedMemo(sent, run);
  const advanced = await advanceRun(tx, run, { job: { id: job.id, executorId: ctx.executorId }, step });
  if (advanced.stored) remember(memo, step, run);
  return advanced.job ? { job: advanced.job, run, memo } : null;
}
