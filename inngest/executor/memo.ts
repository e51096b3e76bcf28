// The run's stored steps as the SDK gets them with each call, carried from one
// call of a claim to the next so a run's steps need not be read back each time.
import type { WorkflowRun } from "@/db/schema";
import type { Database } from "@/db";
import { loadStoredSteps, type StoredStep } from "./run-state";

/**
 * The steps and the run's step counter they are exact for. Every step is
 * stored under the run's lock and moves the counter, so a locked run showing
 * the same counter has no stored step this copy lacks.
 */
export interface StoredMemo {
  stepCount: number;
  steps: Record<string, unknown>;
  stack: string[];
}

/** The steps to send: the copy the previous call of this claim left when it is still exact, else from the database. */
export async function storedMemo(db: Database, run: WorkflowRun, known: StoredMemo | undefined): Promise<StoredMemo> {
  if (known && known.stepCount === run.stepCount) return known;
  // A run that never stored a step has none to load.
  if (run.stepCount === 0) return { stepCount: 0, steps: {}, stack: [] };
  return { stepCount: run.stepCount, ...(await loadStoredSteps(db, run.id)) };
}

/** A copy of what the SDK was sent, if that is still the whole story of the locked run: nothing was stored since. */
export function carriedMemo(sent: StoredMemo, run: WorkflowRun): StoredMemo | undefined {
  return sent.stepCount === run.stepCount ? { stepCount: sent.stepCount, steps: { ...sent.steps }, stack: [...sent.stack] } : undefined;
}

/** Adds a step just stored (which moved the run's counter) to the copy. */
export function remember(memo: StoredMemo | undefined, step: StoredStep, run: WorkflowRun): void {
  if (!memo || run.stepCount === memo.stepCount) return;
  memo.steps[step.stepId] = step.memo ?? null;
  memo.stack.push(step.stepId);
  memo.stepCount = run.stepCount;
}
