// A "cron" job: a cron trigger fires. Its run starts once per fire time (the
// event id says which), and the job waits for the next fire time.
import { and, eq } from "drizzle-orm";
import { type WorkflowJob, workflowJobs } from "@/db/schema";
import { startRuns } from "./ingest";
import type { ExecutorContext } from "./process-job";
import { internalEvents } from "./protocol";
import { nextCronFire } from "./sync";

export async function fireCron(ctx: ExecutorContext, job: WorkflowJob): Promise<void> {
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
      await startRuns(tx, ctx.registry, [
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
