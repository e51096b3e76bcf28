// What a 206 answer asks for, carried out on the locked run: steps to store,
// steps to plan or retry, sleeps, waits and invokes, each becoming a stored
// step or pending work. The run then moves on by next-work.ts's rule.
import { and, eq, inArray } from "drizzle-orm";
import { type WorkflowJob, type WorkflowRun, workflowJobs, workflowSteps, workflowWaits } from "@/db/schema";
import { InvalidDurationError, resolveWakeTime } from "./duration";
import { compileExpression, UnsupportedExpressionError } from "./expression";
import { failRun } from "./finish-run";
import { startRuns } from "./ingest";
import { carriedMemo, remember, type StoredMemo } from "./memo";
import { advanceRun, type NextJob } from "./next-work";
import type { ExecutorContext, Next } from "./process-job";
import { internalEvents, type Op, type SerializedError, supportedOps } from "./protocol";
import type { RegisteredFunction } from "./registry";
import { markStep, type StoredStep, storeStep, type Tx } from "./run-state";

// How long an invoke without a timeout may wait for the invoked run.
const INVOKE_WAIT_MS = 365 * 24 * 60 * 60 * 1000;

class RunFailure extends Error {
  constructor(readonly error: SerializedError) {
    super(error.message);
  }
}

export async function applyOps(
  tx: Tx,
  ctx: ExecutorContext,
  fn: RegisteredFunction,
  run: WorkflowRun,
  job: WorkflowJob,
  ops: Op[],
  sent: StoredMemo,
): Promise<Next | null> {
  const now = new Date();
  const planned: NextJob[] = [];
  const memo = carriedMemo(sent, run);
  const stored = async (step: StoredStep) => {
    if (await storeStep(tx, run, step)) remember(memo, step, run);
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
          await startRuns(tx, ctx.registry, [
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
  const advanced = await advanceRun(tx, run, { job: { id: job.id, executorId: ctx.executorId }, jobStepId: job.stepId, planned }, now);
  if (advanced.added > 0) ctx.wake();
  return advanced.job ? { job: advanced.job, run, ...(memo ? { memo } : {}) } : null;
}

/** What a step the SDK ran (StepRun) or gave up on (StepFailed) stores; null for other ops. */
export function stepResult(op: Op): StoredStep | null {
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
