import type { Database } from "@/db";
import { wakeStep as wakeWorkflowStep } from "@/inngest/executor/control";
import { controlRun } from "./find-run";

/** Ends a sleep or a wait of a run of the workspace now, as if its time had come. */
export async function wakeStep(db: Database, input: { workspaceId: string; runId: string; stepId: string }): Promise<{ runId: string; stepId: string }> {
  await controlRun(db, input, () => wakeWorkflowStep(db, input.runId, input.stepId));
  return { runId: input.runId, stepId: input.stepId };
}
