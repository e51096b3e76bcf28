import type { Database } from "@/db";
import { cancelRun as cancelWorkflowRun } from "@/inngest/executor/control";
import { executorHooks } from "@/inngest/executor-hooks";
import { controlRun } from "./find-run";

/** Stops a run of the workspace that has not ended yet. */
export async function cancelRun(db: Database, input: { workspaceId: string; runId: string }): Promise<{ runId: string }> {
  await controlRun(db, input, () => cancelWorkflowRun(db, input.runId, executorHooks));
  return { runId: input.runId };
}
