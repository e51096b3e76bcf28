// A claimed job's hold on its run: every result is written under the run's
// lock and only while the job is still this executor's.
import { and, eq } from "drizzle-orm";
import { type WorkflowJob, type WorkflowRun, workflowJobs } from "@/db/schema";
import type { ExecutorContext } from "./process-job";
import { isFinished, lockRun, type Tx } from "./run-state";

/** Locks the run and checks the job is still ours; null when the work is no longer wanted (a finished run's job goes). */
export async function lockForJob(tx: Tx, ctx: ExecutorContext, job: WorkflowJob): Promise<WorkflowRun | null> {
  const run = await lockRun(tx, job.runId!);
  const [mine] = await tx
    .select({ id: workflowJobs.id })
    .from(workflowJobs)
    .where(and(eq(workflowJobs.id, job.id), eq(workflowJobs.claimedBy, ctx.executorId)))
    .for("update");
  if (!run || !mine) return null;
  if (isFinished(run.status)) {
    await tx.delete(workflowJobs).where(eq(workflowJobs.id, job.id));
    return null;
  }
  return run;
}

/** Runs `finish` on the locked run if the job is still ours; the job is gone afterwards. */
export async function finishInTx(ctx: ExecutorContext, job: WorkflowJob, finish: (tx: Tx, run: WorkflowRun) => Promise<void>): Promise<null> {
  await ctx.db.transaction(async (tx) => {
    const run = await lockForJob(tx, ctx, job);
    if (run) await finish(tx, run);
  });
  ctx.wake();
  return null;
}

/** Gives a job back unchanged but for its due time, for any executor to take then. */
export async function releaseJob(ctx: ExecutorContext, job: WorkflowJob, dueAt: Date): Promise<void> {
  await ctx.db
    .update(workflowJobs)
    .set({ dueAt, claimedBy: null, claimedUntil: null })
    .where(and(eq(workflowJobs.id, job.id), eq(workflowJobs.claimedBy, ctx.executorId)));
}
