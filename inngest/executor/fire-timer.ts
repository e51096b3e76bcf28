// A "wake" or "timeout" job: a sleep ended, or a wait for an event or an
// invoked run gave up. The step's result is stored and the run moves on.
import { and, eq } from "drizzle-orm";
import { type WorkflowJob, workflowSteps, workflowWaits } from "@/db/schema";
import { lockForJob } from "./job-lock";
import { advanceRun } from "./next-work";
import type { ExecutorContext, Next } from "./process-job";
import type { StoredStep } from "./run-state";

export async function fireTimer(ctx: ExecutorContext, job: WorkflowJob): Promise<Next | null> {
  return ctx.db.transaction(async (tx) => {
    const run = await lockForJob(tx, ctx, job);
    if (!run) return null;
    const stepId = job.stepId!;
    const [row] = await tx
      .select({ op: workflowSteps.op, name: workflowSteps.name })
      .from(workflowSteps)
      .where(and(eq(workflowSteps.runId, run.id), eq(workflowSteps.stepId, stepId)));
    const op = row?.op ?? (job.kind === "wake" ? "Sleep" : "WaitForEvent");
    const name = row?.name ?? stepId;
    let step: StoredStep;
    if (op === "InvokeFunction") {
      const error = { name: "InngestInvokeTimeoutError", message: "Timed out waiting for the invoked function to complete" };
      step = { stepId, name, op, memo: { error }, status: "failed", error };
    } else {
      if (op === "WaitForEvent") await tx.delete(workflowWaits).where(and(eq(workflowWaits.runId, run.id), eq(workflowWaits.stepId, stepId)));
      step = { stepId, name, op, memo: null, status: "completed" };
    }
    const advanced = await advanceRun(tx, run, { job: { id: job.id, executorId: ctx.executorId }, step });
    return advanced.job ? { job: advanced.job, run } : null;
  });
}
