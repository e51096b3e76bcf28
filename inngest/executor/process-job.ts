// Carries out one claimed job, and keeps going with the same run while the
// answer is "call again now" (the next step), so a run's steps follow each
// other without waiting for the next poll. Every state change happens in a
// transaction holding the run's lock, and only while this executor still
// holds the job: a job taken away (run cancelled, lease lost) drops the result.
// Each kind of job has its own file; what runs after it is next-work.ts's rule.
import type { Database } from "@/db";
import type { WorkflowJob, WorkflowRun } from "@/db/schema";
import { fireCron } from "./fire-cron";
import { fireTimer } from "./fire-timer";
import type { StoredMemo } from "./memo";
import type { PostJson } from "./post-json";
import type { FunctionRegistry } from "./registry";
import { runCall } from "./run-call";

export interface ExecutorContext {
  db: Database;
  registry: FunctionRegistry;
  executorId: string;
  signingKey: string;
  post: PostJson;
  /** Delay before retry number `attempt` (1 for the first retry). */
  backoffMs(attempt: number): number;
  callTimeoutMs: number;
  /** Tells the executor's loop that new work may be due. */
  wake(): void;
}

/**
 * The next job of the same run, and the run as the transaction that made that
 * job left it: the run was locked there, so this copy is exact and the next
 * call need not read it again.
 */
export interface Next {
  job: WorkflowJob;
  run: WorkflowRun;
  memo?: StoredMemo;
}

/** `claimedRun`: the job's run as read when it was claimed, if known. */
export async function processJob(ctx: ExecutorContext, claimed: WorkflowJob, claimedRun?: WorkflowRun): Promise<void> {
  let job = claimed;
  let run = claimedRun;
  let memo: StoredMemo | undefined;
  for (;;) {
    if (job.kind === "cron") return fireCron(ctx, job);
    const next: Next | null = job.kind === "call" ? await runCall(ctx, job, run, memo) : await fireTimer(ctx, job);
    if (!next) return;
    ({ job, run, memo } = next);
  }
}
