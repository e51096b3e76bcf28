import type { Database } from "@/db";
import { retryRun as retryWorkflowRun } from "@/inngest/executor/control";
import { controlRun } from "./find-run";

/** Resumes a failed run of the workspace from the step that failed. */
export async function retryRun(db: Database, input: { workspaceId: string; runId: string }): Promise<{ runId: string }> {
  await controlRun(db, input, () => retryWorkflowRun(db, input.runId));
  return { runId: input.runId };
}
