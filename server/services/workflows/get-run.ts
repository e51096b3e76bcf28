import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { workflowFunctions, workflowRuns, workflowSteps } from "@/db/schema";
import { AppError } from "@/server/errors";
import { describeRun } from "./describe-run";
import { durationMs } from "./list-runs";
import { runFactsColumns } from "./run-facts-sql";

interface TriggerEvent {
  id?: string;
  name?: string;
  data?: Record<string, unknown>;
  ts?: number;
}

/** One run of the workspace with its trigger event and its steps in the order they happened. */
export async function getRun(db: Database, input: { workspaceId: string; runId: string }) {
  const [run] = await db
    .select({
      id: workflowRuns.id,
      functionId: workflowRuns.functionId,
      functionName: sql<string>`coalesce(${workflowFunctions.name}, ${workflowRuns.functionId})`,
      event: workflowRuns.event,
      status: workflowRuns.status,
      attempt: workflowRuns.attempt,
      output: workflowRuns.output,
      error: workflowRuns.error,
      parentRunId: workflowRuns.parentRunId,
      createdAt: workflowRuns.createdAt,
      startedAt: workflowRuns.startedAt,
      endedAt: workflowRuns.endedAt,
      ...runFactsColumns,
    })
    .from(workflowRuns)
    .leftJoin(workflowFunctions, eq(workflowFunctions.id, workflowRuns.functionId))
    .where(and(eq(workflowRuns.id, input.runId), eq(workflowRuns.workspaceId, input.workspaceId)));
  if (!run) throw new AppError("NOT_FOUND", "We couldn't find that run.");

  const steps = await db
    .select({
      stepId: workflowSteps.stepId,
      name: workflowSteps.name,
      op: workflowSteps.op,
      status: workflowSteps.status,
      attempts: workflowSteps.attempts,
      memo: workflowSteps.memo,
      error: workflowSteps.error,
      dueAt: workflowSteps.dueAt,
      // A sleep or a wait begins when the function asks for it, not when its result is stored.
      startedAt: sql<Date | null>`case when ${workflowSteps.op} in ('Sleep', 'WaitForEvent', 'InvokeFunction') then ${workflowSteps.createdAt} else ${workflowSteps.startedAt} end`.mapWith(workflowSteps.startedAt),
      endedAt: workflowSteps.endedAt,
    })
    .from(workflowSteps)
    .where(eq(workflowSteps.runId, run.id))
    .orderBy(sql`${workflowSteps.seq} asc nulls last`, asc(workflowSteps.createdAt), asc(workflowSteps.stepId))
    .limit(1000);

  const { event, workspaceName, inviteeEmail, taskTitle, approvalTitle, memberName, pausedStep, wakesAt, ...rest } = run;
  const trigger = event as TriggerEvent;
  return {
    ...rest,
    summary: describeRun({ ...rest, eventName: trigger.name ?? null, workspaceName, inviteeEmail, taskTitle, approvalTitle, memberName, pausedStep, wakesAt }),
    durationMs: durationMs(run),
    event: {
      id: trigger.id ?? null,
      name: trigger.name ?? "(unnamed event)",
      data: trigger.data ?? {},
      sentAt: typeof trigger.ts === "number" ? new Date(trigger.ts) : null,
    },
    steps: steps.map(({ memo, ...step }) => ({ ...step, output: stepOutput(step.op, memo), durationMs: durationMs(step) })),
  };
}

export type RunDetail = Awaited<ReturnType<typeof getRun>>;

/** What the step gave the function: a step.run's value, the event a wait received (null on timeout), an invoke's result. */
function stepOutput(op: string, memo: unknown): unknown {
  if (op === "WaitForEvent") return memo ?? null;
  if (memo && typeof memo === "object" && "data" in memo) return (memo as { data: unknown }).data ?? null;
  return null;
}
