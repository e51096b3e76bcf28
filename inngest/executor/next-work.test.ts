// The "what runs next" rule on its own, on a real database: which job a run is
// left with after a change, and the status that says what it waits for.
import { asc, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db";
import { workflowJobs, workflowRuns } from "@/db/schema";
import { test } from "@/db/test-db";
import { advanceRun } from "./next-work";
import { lockRun } from "./run-state";

const executorId = "executor-test";

async function runWithJob(db: Database, job: { stepId: string | null; kind?: "call" | "wake" | "timeout" }) {
  const [run] = await db.insert(workflowRuns).values({ functionId: "app-fn", eventId: crypto.randomUUID(), event: {}, status: "running" }).returning();
  const [claimed] = await db
    .insert(workflowJobs)
    .values({ kind: job.kind ?? "call", functionId: "app-fn", runId: run!.id, stepId: job.stepId, claimedBy: executorId, claimedUntil: new Date(Date.now() + 60_000) })
    .returning();
  return { run: run!, job: claimed! };
}

const jobsOf = (db: Database, runId: string) =>
  db
    .select({ kind: workflowJobs.kind, stepId: workflowJobs.stepId, attempt: workflowJobs.attempt, claimedBy: workflowJobs.claimedBy })
    .from(workflowJobs)
    .where(eq(workflowJobs.runId, runId))
    .orderBy(asc(workflowJobs.id));

const completed = (stepId: string) => ({ stepId, name: stepId, op: "StepRun", memo: { data: 1 }, status: "completed" as const });

describe("next-work: what runs after a change of a run", () => {
  test("a stored step with nothing else pending: the job becomes the next discovery call, kept by its executor", async ({ db }) => {
    const { run, job } = await runWithJob(db, { stepId: null });
    const advanced = await db.transaction(async (tx) => advanceRun(tx, (await lockRun(tx, run.id))!, { job: { id: job.id, executorId }, step: completed("a") }));
    expect(advanced).toMatchObject({ applied: true, stored: true, job: { id: job.id, kind: "call", stepId: null } });
    expect(await jobsOf(db, run.id)).toEqual([{ kind: "call", stepId: null, attempt: 0, claimedBy: executorId }]);
    const [saved] = await db.select().from(workflowRuns).where(eq(workflowRuns.id, run.id));
    expect(saved).toMatchObject({ status: "running", stepCount: 1 });
  });

  test("a job no longer held by its executor changes nothing", async ({ db }) => {
    const { run, job } = await runWithJob(db, { stepId: null });
    const advanced = await db.transaction(async (tx) =>
      advanceRun(tx, (await lockRun(tx, run.id))!, { job: { id: job.id, executorId: "someone-else" }, step: completed("a") }),
    );
    expect(advanced.applied).toBe(false);
    const [saved] = await db.select().from(workflowRuns).where(eq(workflowRuns.id, run.id));
    expect(saved!.stepCount).toBe(0);
  });

  test("a later retry of the job's own step is the job given back, unclaimed (not a second job for the step)", async ({ db }) => {
    const { run, job } = await runWithJob(db, { stepId: "flaky" });
    const later = new Date(Date.now() + 60_000);
    const advanced = await db.transaction(async (tx) =>
      advanceRun(tx, (await lockRun(tx, run.id))!, {
        job: { id: job.id, executorId },
        jobStepId: "flaky",
        planned: [{ kind: "call", stepId: "flaky", attempt: 1, dueAt: later }],
      }),
    );
    expect(advanced).toMatchObject({ applied: true, job: null });
    expect(await jobsOf(db, run.id)).toEqual([{ kind: "call", stepId: "flaky", attempt: 1, claimedBy: null }]);
  });

  test("with other work pending the job goes, and the run's status says what it waits for", async ({ db }) => {
    const { run, job } = await runWithJob(db, { stepId: null });
    const advanced = await db.transaction(async (tx) =>
      advanceRun(tx, (await lockRun(tx, run.id))!, {
        job: { id: job.id, executorId },
        planned: [{ kind: "wake", stepId: "nap", attempt: 0, dueAt: new Date(Date.now() + 60_000) }],
      }),
    );
    expect(advanced.job).toBeNull();
    expect(await jobsOf(db, run.id)).toEqual([{ kind: "wake", stepId: "nap", attempt: 0, claimedBy: null }]);
    const [saved] = await db.select().from(workflowRuns).where(eq(workflowRuns.id, run.id));
    expect(saved!.status).toBe("sleeping");
  });

  test("outside a call, a step stored now adds the discovery call; one stored before adds nothing", async ({ db }) => {
    const { run, job } = await runWithJob(db, { stepId: "wait", kind: "timeout" });
    await db.delete(workflowJobs).where(eq(workflowJobs.id, job.id));
    const first = await db.transaction(async (tx) => advanceRun(tx, (await lockRun(tx, run.id))!, { step: completed("wait") }));
    expect(first).toMatchObject({ applied: true, stored: true, job: null });
    expect(await jobsOf(db, run.id)).toEqual([{ kind: "call", stepId: null, attempt: 0, claimedBy: null }]);
    await db.delete(workflowJobs).where(eq(workflowJobs.runId, run.id));
    const again = await db.transaction(async (tx) => advanceRun(tx, (await lockRun(tx, run.id))!, { step: completed("wait") }));
    expect(again.stored).toBe(false);
    expect(await jobsOf(db, run.id)).toEqual([]);
  });
});
