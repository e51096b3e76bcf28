import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { workflowRuns } from "@/db/schema";
import { embeddedRuntime } from "@/inngest/embedded";
import { ControlError } from "@/inngest/executor/control";
import { AppError } from "@/server/errors";

/** Throws NOT_FOUND unless the run belongs to the workspace: another workspace's run does not exist for the caller. */
export async function assertRunInWorkspace(db: Database, input: { workspaceId: string; runId: string }): Promise<void> {
  const [run] = await db
    .select({ id: workflowRuns.id })
    .from(workflowRuns)
    .where(and(eq(workflowRuns.id, input.runId), eq(workflowRuns.workspaceId, input.workspaceId)));
  if (!run) throw new AppError("NOT_FOUND", "We couldn't find that run.");
}

/** Carries out an operator action on a run of the workspace; the executor's refusals become AppErrors. */
export async function controlRun(db: Database, input: { workspaceId: string; runId: string }, action: () => Promise<void>): Promise<void> {
  await assertRunInWorkspace(db, input);
  try {
    await action();
  } catch (error) {
    if (!(error instanceof ControlError)) throw error;
    throw new AppError(error.reason === "not-found" ? "NOT_FOUND" : "CONFLICT", error.message, { cause: error });
  }
  // This process's executor takes the work now; others find it on their next poll.
  embeddedRuntime()?.executor.wake();
}
