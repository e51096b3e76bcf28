// Carries out one claimed job, and keeps going with the same run while the
// answer is "call again now" (the next step), so a run's steps follow each
// other without waiting for the next poll. Every state change happens in a
// transaction holding the run's lock, and only while this executor still
// holds the job: a job taken away (run cancelled, lease lost) drops the result.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { type WorkflowJob, type WorkflowJobKind, type WorkflowRun, workflowJobs, workflowRuns, workflowSteps, workflowWaits } from "@/db/schema";
import { callFunction } from "./call-function";
import type { PostJson } from "./post-json";
import { compileExpression, UnsupportedExpressionError } from "./expression";
import { InvalidDurationError, resolveWakeTime } from "./duration";
import { completeRun, failRun } from "./finish-run";
import { startRuns } from "./ingest";
import { internalEvents, type Op, type SerializedError, supportedOps } from "./protocol";
import type { FunctionRegistry, RegisteredFunction } from "./registry";
import { nextCronFire } from "./sync";
import { isFinished, loadStoredSteps, lockRun, markStep, pendingStatus, saveRun, type StoredStep, storeStep, storeStepAndDiscover, type Tx } from "./run-state";

export interface ExecutorContext {
  db: Database;
  registry: FunctionRegistry;
  executorId: string;
  signingKey: string;
  post: PostJson;
  /** Delay before retry number `attempt` (1 for the first retry). */
  backoffMs(attempt: number): number;
  callTimeoutMs: number;
  /** Tells the executor's loop that new work may be due. */
  wake(): void;
}

// How long an invoke without a timeout may wait for the invoked run.
const INVOKE_WAIT_MS = 365 * 24 * 60 * 60 * 1000;
// A serve endpoint that does not answer at all is tried again after this long.
const UNREACHABLE_RETRY_MS = 2_000;

/**
 * The next job of the same run, and the run as the transaction that made that
 * job left it: the run was locked there, so this copy is exact and the next
 * call need not read it again.
 */
interface Next {
  job: WorkflowJob;
  run: WorkflowRun;
  memo?: StoredMemo;
}

/**
 * The run's stored steps as the SDK gets them, and the run's step counter they
 * are exact for. Every step is stored under the run's lock and moves the
 * counter, so a locked run showing the same counter has no stored step this
 * copy lacks.
 */
interface StoredMemo {
  stepCount: number;
  steps: Record<string, unknown>;
  stack: string[];
}

/** `run`: the job's run as read when it was claimed, if known. */
export async function processJob(ctx: ExecutorContext, claimed: WorkflowJob, claimedRun?: WorkflowRun): Promise<void> {
  let job = claimed;
  let run = claimedRun;
  let memo: StoredMemo | undefined;
  for (;;) {
    if (job.kind === "cron") return fireCron(ctx, job);
    const next: Next | null = job.kind === "call" ? await runCall(ctx, job, run, memo) : await fireTimer(ctx, job);
    if (!next) return;
    ({ job, run, memo } = next);
  }
}

/** Locks the run and checks the job is still ours; null when the work is no longer wanted. */
async function lockForJob(tx: Tx, ctx: ExecutorContext, job: WorkflowJob) {
  const run = await lockRun(tx, job.runId!);
  const jobs = await tx
    .select({ id: workflowJobs.id, claimedBy: workflowJobs.claimedBy })
    .from(workflowJobs)
    .where(eq(workflowJobs.runId, job.runId!))
    .for("update");
  const mine = jobs.find((row) => row.id === job.id && row.claimedBy === ctx.executorId);
  if (!run || !mine) return null;
  if (isFinished(run.status)) {
    await tx.delete(workflowJobs).where(eq(workflowJobs.id, job.id));
    return null;
  }
  return { run, otherJobs: jobs.filter((row) => row.id !== job.id).length };
}

async function runCall(ctx: ExecutorContext, job: WorkflowJob, known?: WorkflowRun, knownMemo?: StoredMemo): Promise<Next | null> {
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
  const memo = await storedMemo(ctx, run, knownMemo);
  const { steps, stack } = memo;
  const outcome = await callFunction({
    url: fn.url,
    signingKey: ctx.signingKey,
    run,
    stepId: job.stepId,
    attempt: job.attempt,
    maxAttempts: fn.maxAttempts,
    steps,
    stack,
    post: ctx.post,
    timeoutMs: ctx.callTimeoutMs,
  });

  switch (outcome.kind) {
    case "unreachable":
      await release(ctx, job, { dueAt: new Date(Date.now() + UNREACHABLE_RETRY_MS) });
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
        if (only) {
          const next = await storeOnlyStep(tx, ctx, job, only, memo);
          if (next !== undefined) return next;
        }
        const locked = await lockForJob(tx, ctx, job);
        if (!locked) return null;
        return applyOps(tx, ctx, fn, locked.run, job, locked.otherJobs, outcome.ops, memo);
      });
  }
}

/** The steps to send: the copy the previous call of this claim left when it is still exact, else from the database. */
async function storedMemo(ctx: ExecutorContext, run: WorkflowRun, known: StoredMemo | undefined): Promise<StoredMemo> {
  if (known && known.stepCount === run.stepCount) return known;
  // A run that never stored a step has none to load.
  if (run.stepCount === 0) return { stepCount: 0, steps: {}, stack: [] };
  return { stepCount: run.stepCount, ...(await loadStoredSteps(ctx.db, run.id)) };
}

/**
 * The most common answer: the SDK ran the one step it met. When the job is
 * still ours and nothing else of the run is pending, the step is stored and
 * the job becomes the next discovery call in one statement after the run's
 * lock. Undefined when the run needs the general path (which then finds it
 * untouched).
 */
async function storeOnlyStep(tx: Tx, ctx: ExecutorContext, job: WorkflowJob, step: StoredStep, sent: StoredMemo): Promise<Next | null | undefined> {
  const run = await lockRun(tx, job.runId!);
  if (!run || isFinished(run.status)) return undefined;
  const memo = carriedMemo(sent, run);
  const { applied, job: next } = await storeStepAndDiscover(tx, run, job.id, ctx.executorId, step, new Date());
  if (!applied) return undefined;
  if (memo && run.stepCount !== memo.stepCount) {
    memo.steps[step.stepId] = step.memo ?? null;
    memo.stack.push(step.stepId);
    memo.stepCount = run.stepCount;
  }
  return next ? { job: next, run, memo } : null;
}

/** A copy of what the SDK was sent, if that is still the whole story of the locked run: nothing was stored since. */
function carriedMemo(sent: StoredMemo, run: WorkflowRun): StoredMemo | undefined {
  return sent.stepCount === run.stepCount ? { stepCount: sent.stepCount, steps: { ...sent.steps }, stack: [...sent.stack] } : undefined;
}

/** Runs `finish` on the locked run if the job is still ours; the job is gone afterwards. */
async function finishInTx(ctx: ExecutorContext, job: WorkflowJob, finish: (tx: Tx, run: WorkflowRun) => Promise<void>): Promise<null> {
  await ctx.db.transaction(async (tx) => {
    const locked = await lockForJob(tx, ctx, job);
    if (locked) await finish(tx, locked.run);
  });
  ctx.wake();
  return null;
}

async function release(ctx: ExecutorContext, job: WorkflowJob, changes: { dueAt: Date }) {
  await ctx.db
    .update(workflowJobs)
    .set({ ...changes, claimedBy: null, claimedUntil: null })
    .where(and(eq(workflowJobs.id, job.id), eq(workflowJobs.claimedBy, ctx.executorId)));
}

interface NextJob {
  kind: WorkflowJobKind;
  stepId: string | null;
  attempt: number;
  dueAt: Date;
}

class RunFailure extends Error {
  constructor(readonly error: SerializedError) {
    super(error.message);
  }
}

async function applyOps(
  tx: Tx,
  ctx: ExecutorContext,
  fn: RegisteredFunction,
  run: WorkflowRun,
  job: WorkflowJob,
  otherJobs: number,
  ops: Op[],
  sent: StoredMemo,
): Promise<Next | null> {
  const now = new Date();
  const planned: NextJob[] = [];
  const memo = carriedMemo(sent, run);
  const stored = async (step: StoredStep) => {
    if (!(await storeStep(tx, run, step)) || !memo) return;
    memo.steps[step.stepId] = step.memo ?? null;
    memo.stack.push(step.stepId);
    memo.stepCount = run.stepCount;
  };
  if (ops.length > 1) run.parallel = true;
  const known = await knownSteps(tx, run.id, ops);

  try {
    for (const op of ops) {
      const name = op.displayName ?? op.name ?? op.id;
      const opts = op.opts ?? {};
      if (!supportedOps.has(op.op)) {
        throw new RunFailure({ name: "UnsupportedOperation", message: `Function "${fn.id}" used ${op.op} (step "${name}"), which the embedded workflow executor does not support.` });
      }
      if (known.stored.has(op.id) && op.op !== "StepNotFound") continue;
      switch (op.op) {
        case "StepRun":
        case "StepFailed":
          await stored(stepResult(op)!);
          break;
        case "StepError": {
          const error = op.error ?? { message: "Step errored" };
          const attempts = (known.attempts.get(op.id) ?? 0) + 1;
          if (attempts >= fn.maxAttempts) {
            await stored({ stepId: op.id, name, op: "StepRun", memo: { error }, status: "failed", error });
          } else {
            await markStep(tx, run.id, { stepId: op.id, name, op: "StepRun", status: "retrying", error, attempts });
            planned.push({ kind: "call", stepId: op.id, attempt: attempts, dueAt: new Date(now.getTime() + ctx.backoffMs(attempts)) });
          }
          break;
        }
        case "StepPlanned":
          if (known.pending.has(op.id)) break;
          await markStep(tx, run.id, { stepId: op.id, name, op: "StepRun", status: "planned" });
          planned.push({ kind: "call", stepId: op.id, attempt: 0, dueAt: now });
          break;
        case "StepNotFound":
          break;
        case "Sleep": {
          const dueAt = wakeTime(String(opts.duration ?? op.name ?? ""), now, name);
          await markStep(tx, run.id, { stepId: op.id, name, op: op.op, status: "sleeping", dueAt });
          planned.push({ kind: "wake", stepId: op.id, attempt: 0, dueAt });
          break;
        }
        case "WaitForEvent": {
          const eventName = String(opts.event ?? op.name ?? "");
          const expression = typeof opts.if === "string" ? opts.if : null;
          if (expression) checkExpression(fn, name, expression);
          const dueAt = wakeTime(String(opts.timeout ?? ""), now, name);
          await tx.insert(workflowWaits).values({ runId: run.id, stepId: op.id, eventName, expression }).onConflictDoNothing();
          await markStep(tx, run.id, { stepId: op.id, name, op: op.op, status: "waiting", dueAt });
          planned.push({ kind: "timeout", stepId: op.id, attempt: 0, dueAt });
          break;
        }
        case "InvokeFunction": {
          const target = String(opts.function_id ?? "");
          if (!ctx.registry.get(target)) {
            const error = { name: "FunctionNotFound", message: `step.invoke: no function "${target}" is synced.` };
            await stored({ stepId: op.id, name, op: op.op, memo: { error }, status: "failed", error });
            break;
          }
          const payload = (opts.payload ?? {}) as { data?: Record<string, unknown> };
          await startRuns(tx, [
            {
              functionId: target,
              event: {
                name: internalEvents.functionInvoked,
                data: { ...(payload.data ?? {}), _inngest: { source_app_id: fn.id, source_fn_id: fn.id, source_fn_v: 1 } },
                id: `invoke-${run.id}-${op.id}`,
                ts: now.getTime(),
              },
              workspaceId: run.workspaceId,
              parentRunId: run.id,
              parentStepId: op.id,
            },
          ]);
          const dueAt = opts.timeout ? wakeTime(String(opts.timeout), now, name) : new Date(now.getTime() + INVOKE_WAIT_MS);
          await markStep(tx, run.id, { stepId: op.id, name, op: op.op, status: "waiting", dueAt });
          planned.push({ kind: "timeout", stepId: op.id, attempt: 0, dueAt });
          ctx.wake();
          break;
        }
      }
    }
  } catch (error) {
    if (!(error instanceof RunFailure)) throw error;
    await failRun(tx, ctx.registry, run, error.error);
    return null;
  }
  const next = await assignJobs(tx, ctx, run, job, otherJobs, planned, now);
  return next && memo ? { ...next, memo } : next;
}

/** What a step the SDK ran (StepRun) or gave up on (StepFailed) stores; null for other ops. */
function stepResult(op: Op): StoredStep | null {
  const name = op.displayName ?? op.name ?? op.id;
  if (op.op === "StepRun") return { stepId: op.id, name, op: op.op, memo: { data: op.data ?? null }, status: "completed" };
  if (op.op !== "StepFailed") return null;
  const error = op.error ?? { message: "Step failed" };
  return { stepId: op.id, name, op: "StepRun", memo: { error }, status: "failed", error };
}

// Ops whose storing is idempotent by itself (storeStep keeps a first result), so they need no look-up first.
const selfGuardedOps = new Set(["StepRun", "StepFailed", "StepNotFound"]);

/** Steps already stored or already pending, so a repeated plan never runs a step twice. */
async function knownSteps(tx: Tx, runId: string, ops: Op[]) {
  // The common answer, one step run and reported, needs neither query.
  if (ops.every((op) => selfGuardedOps.has(op.op))) return { stored: new Set<string>(), attempts: new Map<string, number>(), pending: new Set<string>() };
  const ids = ops.map((op) => op.id);
  const rows = await tx
    .select({ stepId: workflowSteps.stepId, stored: workflowSteps.stored, attempts: workflowSteps.attempts })
    .from(workflowSteps)
    .where(and(eq(workflowSteps.runId, runId), inArray(workflowSteps.stepId, ids)));
  const pendingJobs = await tx
    .select({ stepId: workflowJobs.stepId })
    .from(workflowJobs)
    .where(and(eq(workflowJobs.runId, runId), inArray(workflowJobs.stepId, ids)));
  return {
    stored: new Set(rows.filter((row) => row.stored).map((row) => row.stepId)),
    attempts: new Map(rows.map((row) => [row.stepId, row.attempts])),
    pending: new Set(pendingJobs.map((row) => row.stepId)),
  };
}

/**
 * Turns the current job into the run's next piece of work: a call due now if
 * there is one (so this executor carries on), else the next discovery call
 * once nothing else of the run is pending, else it goes away.
 */
async function assignJobs(
  tx: Tx,
  ctx: ExecutorContext,
  run: WorkflowRun,
  job: WorkflowJob,
  otherJobs: number,
  planned: NextJob[],
  now: Date,
): Promise<Next | null> {
  const nowIndex = planned.findIndex((next) => next.kind === "call" && next.dueAt <= now);
  let mine: NextJob | null = nowIndex >= 0 ? planned.splice(nowIndex, 1)[0]! : null;
  if (!mine && otherJobs === 0 && planned.length === 0) {
    // Everything the run was waiting for is stored: ask the SDK what comes next.
    mine = { kind: "call", stepId: null, attempt: 0, dueAt: now };
    run.parallel = false;
  }
  // The current job changes first, so a planned job for its step (a retry) does not collide with it.
  let next: WorkflowJob | null = null;
  if (mine) {
    const [updated] = await tx
      .update(workflowJobs)
      .set({ kind: mine.kind, stepId: mine.stepId, attempt: mine.attempt, dueAt: mine.dueAt })
      .where(eq(workflowJobs.id, job.id))
      .returning();
    next = updated ?? null;
  } else {
    await tx.delete(workflowJobs).where(eq(workflowJobs.id, job.id));
  }
  if (planned.length > 0) {
    await tx
      .insert(workflowJobs)
      .values(planned.map((later) => ({ ...later, functionId: run.functionId, runId: run.id })))
      .onConflictDoNothing();
    ctx.wake();
  }
  const status = next ? "running" : await pendingStatus(tx, run.id);
  await saveRun(tx, run, { status, parallel: run.parallel });
  return next ? { job: next, run } : null;
}

/** A sleep ended or a wait timed out: store the step's result and carry on. */
async function fireTimer(ctx: ExecutorContext, job: WorkflowJob): Promise<Next | null> {
  const next = await ctx.db.transaction(async (tx) => {
    const locked = await lockForJob(tx, ctx, job);
    if (!locked) return null;
    const { run } = locked;
    const [step] = await tx
      .select({ op: workflowSteps.op, name: workflowSteps.name })
      .from(workflowSteps)
      .where(and(eq(workflowSteps.runId, run.id), eq(workflowSteps.stepId, job.stepId!)));
    const op = step?.op ?? (job.kind === "wake" ? "Sleep" : "WaitForEvent");
    const name = step?.name ?? job.stepId!;
    if (op === "InvokeFunction") {
      const error = { name: "InngestInvokeTimeoutError", message: "Timed out waiting for the invoked function to complete" };
      await storeStep(tx, run, { stepId: job.stepId!, name, op, memo: { error }, status: "failed", error });
    } else {
      if (op === "WaitForEvent") {
        await tx.delete(workflowWaits).where(and(eq(workflowWaits.runId, run.id), eq(workflowWaits.stepId, job.stepId!)));
      }
      await storeStep(tx, run, { stepId: job.stepId!, name, op, memo: null, status: "completed" });
    }
    return assignJobs(tx, ctx, run, job, locked.otherJobs, [], new Date());
  });
  return next;
}

/** A cron trigger fires: start its run (once per fire time) and schedule the next fire. */
async function fireCron(ctx: ExecutorContext, job: WorkflowJob): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [mine] = await tx
      .select()
      .from(workflowJobs)
      .where(and(eq(workflowJobs.id, job.id), eq(workflowJobs.claimedBy, ctx.executorId)))
      .for("update");
    if (!mine) return;
    const fn = ctx.registry.get(job.functionId);
    const fireAt = mine.dueAt;
    const next = fn ? nextCronFire(fn, new Date(Math.max(Date.now(), fireAt.getTime()))) : null;
    if (fn) {
      const cron = fn.cron.map((schedule) => schedule.source).join(", ");
      await startRuns(tx, [
        {
          functionId: fn.id,
          event: {
            name: internalEvents.scheduledTimer,
            data: { cron, fireAt: fireAt.toISOString(), scheduledAt: fireAt.toISOString() },
            id: `cron-${fn.id}-${fireAt.toISOString()}`,
            ts: Date.now(),
          },
        },
      ]);
    }
    if (next) {
      await tx.update(workflowJobs).set({ dueAt: next, claimedBy: null, claimedUntil: null }).where(eq(workflowJobs.id, job.id));
    } else {
      await tx.delete(workflowJobs).where(eq(workflowJobs.id, job.id));
    }
  });
  ctx.wake();
}

function wakeTime(value: string, now: Date, stepName: string): Date {
  // The SDK sends a zero or negative duration as "": due at once.
  if (value === "") return now;
  try {
    return resolveWakeTime(value, now);
  } catch (error) {
    if (error instanceof InvalidDurationError) {
      throw new RunFailure({ name: "InvalidDuration", message: `Step "${stepName}" asked to wait for "${value}", which is not a duration or a date.` });
    }
    throw error;
  }
}

function checkExpression(fn: RegisteredFunction, stepName: string, expression: string) {
  try {
    compileExpression(expression);
  } catch (error) {
    if (error instanceof UnsupportedExpressionError) {
      throw new RunFailure({ name: "UnsupportedExpression", message: `Function "${fn.id}", step "${stepName}": ${error.message}` });
    }
    throw error;
  }
}
