// The ends of a run: completed, failed or cancelled. Ending tells whoever waits:
// the run that invoked it gets the result (a cancelled run's is an error), and
// functions listening to inngest/function.finished, .failed (onFailure
// handlers) or .cancelled get their event.
import { and, eq } from "drizzle-orm";
import { type WorkflowRun, workflowJobs } from "@/db/schema";
import { ingestEvents } from "./ingest";
import { type EventPayload, internalEvents, type SerializedError } from "./protocol";
import type { FunctionRegistry } from "./registry";
import { advanceRun } from "./next-work";
import { endRun, isFinished, lockRun, type Tx } from "./run-state";

export async function completeRun(tx: Tx, registry: FunctionRegistry, run: WorkflowRun, output: unknown): Promise<void> {
  await endRun(tx, run, { status: "completed", output: output ?? null, error: null, endedAt: new Date() });
  if (registry.listensTo(internalEvents.functionFinished)) {
    await ingestEvents(tx, registry, [
      internalEvent(internalEvents.functionFinished, `finished-${run.id}`, { function_id: run.functionId, run_id: run.id, event: run.event, result: output ?? null }),
    ]);
  }
  await resumeParent(tx, run, { data: output ?? null }, "completed");
}

export async function failRun(tx: Tx, registry: FunctionRegistry, run: WorkflowRun, error: SerializedError): Promise<void> {
  await endRun(tx, run, { status: "failed", error, endedAt: new Date() });
  if (registry.listensTo(internalEvents.functionFailed)) {
    await ingestEvents(tx, registry, [
      // One failure event per failure: a run fails once per start or manual retry
      // (under its lock), and a retried run may fail again at the same attempt and step.
      internalEvent(internalEvents.functionFailed, `failed-${run.id}-${run.endedAt!.getTime()}`, {
        function_id: run.functionId,
        run_id: run.id,
        event: run.event,
        error,
      }),
    ]);
  }
  await resumeParent(tx, run, { error }, "failed");
}

// What the Inngest server reports for a cancelled run, in its event and to an invoking run.
const cancelledError = { name: "Error", message: "function cancelled" };

export async function cancelRun(tx: Tx, registry: FunctionRegistry, run: WorkflowRun): Promise<void> {
  await endRun(tx, run, { status: "cancelled", endedAt: new Date() });
  if (registry.listensTo(internalEvents.functionCancelled)) {
    await ingestEvents(tx, registry, [
      // A run is cancelled once: only a failed run can be retried.
      internalEvent(internalEvents.functionCancelled, `cancelled-${run.id}`, {
        function_id: run.functionId,
        run_id: run.id,
        event: run.event,
        error: { ...cancelledError, error: cancelledError.message },
      }),
    ]);
  }
  await resumeParent(tx, run, { error: cancelledError }, "failed");
}

function internalEvent(name: string, id: string, data: Record<string, unknown>): EventPayload {
  return { name, id, data, ts: Date.now() };
}

/** A run started by step.invoke hands its result to the waiting step of the run that invoked it. */
async function resumeParent(tx: Tx, run: WorkflowRun, memo: unknown, status: "completed" | "failed"): Promise<void> {
  if (!run.parentRunId || !run.parentStepId) return;
  const parent = await lockRun(tx, run.parentRunId);
  if (!parent || isFinished(parent.status)) return;
  await tx
    .delete(workflowJobs)
    .where(and(eq(workflowJobs.runId, parent.id), eq(workflowJobs.stepId, run.parentStepId), eq(workflowJobs.kind, "timeout")));
  const error = status === "failed" ? (memo as { error: SerializedError }).error : null;
  await advanceRun(tx, parent, { step: { stepId: run.parentStepId, name: run.parentStepId, op: "InvokeFunction", memo, status, error } });
}
