// What npm run bench:workflows reads back from the database once runs are done:
// completion times for throughput, and each sleep's due time against when it
// was stored as over and when the step after it began.
import { and, asc, count, eq, isNotNull } from "drizzle-orm";
import type { Database } from "@/db";
import { workflowRuns, workflowSteps } from "@/db/schema";

async function waitForCompleted(db: Database, functionId: string, expected: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db
      .select({ n: count() })
      .from(workflowRuns)
      .where(and(eq(workflowRuns.functionId, functionId), eq(workflowRuns.status, "completed")));
    if ((row?.n ?? 0) >= expected) return;
    if (Date.now() > deadline) throw new Error(`Only ${row?.n ?? 0} of ${expected} runs of ${functionId} completed in ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs per second from `started` to the last completion, and over the middle 80% of completions. */
export async function throughput(db: Database, functionId: string, expected: number, started: Date) {
  await waitForCompleted(db, functionId, expected, 10 * 60_000);
  const ends = (
    await db.select({ endedAt: workflowRuns.endedAt }).from(workflowRuns).where(eq(workflowRuns.functionId, functionId)).orderBy(asc(workflowRuns.endedAt))
  ).map((row) => row.endedAt!.getTime());
  const elapsedMs = ends.at(-1)! - started.getTime();
  const low = Math.floor(ends.length * 0.1);
  const high = Math.floor(ends.length * 0.9) - 1;
  return {
    elapsedMs,
    perSecond: (ends.length / elapsedMs) * 1000,
    sustainedPerSecond: ((high - low) / (ends[high]! - ends[low]!)) * 1000,
  };
}

/** Lateness in ms of every sleep: stored as over, and the next step started, each minus its due time. */
export async function sleepLateness(db: Database, functionId: string, expected: number, nextStepStarts: Map<string, number>) {
  await waitForCompleted(db, functionId, expected, 5 * 60_000);
  const sleeps = await db
    .select({ runId: workflowSteps.runId, dueAt: workflowSteps.dueAt, endedAt: workflowSteps.endedAt })
    .from(workflowSteps)
    .innerJoin(workflowRuns, eq(workflowRuns.id, workflowSteps.runId))
    .where(and(eq(workflowRuns.functionId, functionId), eq(workflowSteps.op, "Sleep"), isNotNull(workflowSteps.dueAt)));
  return {
    stored: sleeps.map((sleep) => sleep.endedAt!.getTime() - sleep.dueAt!.getTime()),
    nextStep: sleeps.flatMap((sleep) => {
      const started = nextStepStarts.get(sleep.runId);
      return started === undefined ? [] : [started - sleep.dueAt!.getTime()];
    }),
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
