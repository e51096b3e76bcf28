// Polls the database until a condition holds: runs advance in the background.
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { type WorkflowRun, workflowRuns } from "@/db/schema";

export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The single run of a function, once it reaches one of the given statuses. */
export function waitForRun(db: Database, functionId: string, statuses: WorkflowRun["status"][], timeoutMs?: number): Promise<WorkflowRun> {
  return waitFor(
    async () => {
      const runs = await db.select().from(workflowRuns).where(eq(workflowRuns.functionId, functionId));
      return runs.find((run) => statuses.includes(run.status));
    },
    `a run of ${functionId} to be ${statuses.join(" or ")}`,
    timeoutMs,
  );
}
