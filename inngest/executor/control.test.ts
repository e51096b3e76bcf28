// Operator actions on runs of a real executor driving a small app of its own.
import { and, asc, eq } from "drizzle-orm";
import { type Inngest, NonRetriableError } from "inngest";
import { afterEach, beforeEach, describe, expect } from "vitest";
import type { Database } from "@/db";
import { workflowEvents, workflowJobs, workflowRuns, workflowSteps, workflowWaits } from "@/db/schema";
import { test } from "@/db/test-db";
import { cancelRun, ControlError, retryRun, wakeStep } from "./control";
import { type ServeApp, startServeApp } from "./testing/serve-app";
import { waitFor, waitForRun } from "./testing/wait-for";

// How often each step body really ran, by run and step.
const ran = new Map<string, number>();
const count = (runId: string, step: string) => ran.set(`${runId}:${step}`, (ran.get(`${runId}:${step}`) ?? 0) + 1);
const timesRan = (runId: string, step: string) => ran.get(`${runId}:${step}`) ?? 0;
// Whether the "fragile" steps fail; a test mends them before retrying.
let broken = true;

function controlFunctions(client: Inngest) {
  const fragile = client.createFunction(
    {
      id: "fragile",
      retries: 0,
      triggers: [{ event: "control/fragile" }],
      onFailure: async ({ event, step }) => step.run("report", () => `handled: ${event.data.error.message}`),
    },
    async ({ step, runId }) => {
      const first = await step.run("first", () => (count(runId, "first"), 1));
      const second = await step.run("second", () => {
        count(runId, "second");
        if (broken) throw new NonRetriableError("second is broken");
        return first + 1;
      });
      const third = await step.run("third", () => (count(runId, "third"), second + 1));
      return [first, second, third];
    },
  );

  const fragileFanOut = client.createFunction({ id: "fragile-fan-out", retries: 0, triggers: [{ event: "control/fan-out" }] }, async ({ step, runId }) => {
    const parts = await Promise.all(
      ["a", "b", "c"].map((part) =>
        step.run(`part-${part}`, () => {
          count(runId, `part-${part}`);
          if (broken && part === "b") throw new NonRetriableError("part b is broken");
          return part;
        }),
      ),
    );
    return step.run("join", () => (count(runId, "join"), parts.join("")));
  });

  const napper = client.createFunction({ id: "napper", triggers: [{ event: "control/nap" }] }, async ({ step, runId }) => {
    await step.run("before", () => count(runId, "before"));
    await step.sleep("long-nap", "1h");
    await step.run("after", () => count(runId, "after"));
    return "rested";
  });

  const waiter = client.createFunction({ id: "waiter", triggers: [{ event: "control/wait" }] }, async ({ step }) => {
    const approval = await step.waitForEvent("approval", { event: "control/approved", timeout: "1h" });
    return { approval };
  });

  const fragileChild = client.createFunction({ id: "fragile-child", retries: 0, triggers: [{ event: "control/child" }] }, async ({ step }) => {
    return step.run("work", () => {
      if (broken) throw new NonRetriableError("the child is broken");
      return "child done";
    });
  });
  const parent = client.createFunction({ id: "parent", retries: 0, triggers: [{ event: "control/parent" }] }, async ({ step, runId }) => {
    await step.run("prepare", () => count(runId, "prepare"));
    return step.invoke("call-child", { function: fragileChild, data: {} });
  });

  const sleepyChild = client.createFunction({ id: "sleepy-child", triggers: [{ event: "control/sleepy-child" }] }, async ({ step }) => {
    await step.sleep("child-nap", "1h");
    return "child woke";
  });
  const patientParent = client.createFunction({ id: "patient-parent", triggers: [{ event: "control/patient-parent" }] }, async ({ step }) => {
    try {
      return await step.invoke("call-sleepy", { function: sleepyChild, data: {}, timeout: "1h" });
    } catch (error) {
      return { invokeFailed: (error as Error).message };
    }
  });
  // Hears of every cancelled run of the napper, as a cleanup function would.
  const cancelWatcher = client.createFunction(
    { id: "cancel-watcher", triggers: [{ event: "inngest/function.cancelled", if: "event.data.function_id == 'control-napper'" }] },
    async ({ event }) => event.data,
  );

  return [fragile, fragileFanOut, napper, waiter, fragileChild, parent, sleepyChild, patientParent, cancelWatcher];
}

let app: ServeApp;

beforeEach(async () => {
  broken = true;
  app = await startServeApp("control", controlFunctions);
});

afterEach(async () => {
  await app.close();
});

function startExecutor(db: Database) {
  return app.startExecutor(db);
}

const id = (fn: string) => `control-${fn}`;

async function stepsOf(db: Database, runId: string) {
  return db
    .select({ name: workflowSteps.name, status: workflowSteps.status, seq: workflowSteps.seq })
    .from(workflowSteps)
    .where(eq(workflowSteps.runId, runId))
    .orderBy(asc(workflowSteps.seq));
}

async function stepId(db: Database, runId: string, name: string) {
  const [step] = await db
    .select({ stepId: workflowSteps.stepId })
    .from(workflowSteps)
    .where(and(eq(workflowSteps.runId, runId), eq(workflowSteps.name, name)));
  return step!.stepId;
}

async function controlError(action: Promise<unknown>): Promise<ControlError> {
  const error = await action.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ControlError);
  return error as ControlError;
}

describe("run control", () => {
  test("cancelling a sleeping run ends it: no timer left, the step after the sleep never runs", async ({ db }) => {
    await startExecutor(db);
    await app.client.send({ name: "control/nap", data: {} });
    const sleeping = await waitForRun(db, id("napper"), ["sleeping"]);

    await cancelRun(db, sleeping.id);

    const [run] = await db.select().from(workflowRuns).where(eq(workflowRuns.id, sleeping.id));
    expect(run).toMatchObject({ status: "cancelled", endedAt: expect.any(Date) });
    expect(await db.select().from(workflowJobs).where(eq(workflowJobs.runId, run!.id))).toEqual([]);
    expect((await stepsOf(db, run!.id)).map((s) => [s.name, s.status])).toEqual([
      ["before", "completed"],
      ["long-nap", "cancelled"],
    ]);
    expect(timesRan(run!.id, "after")).toBe(0);
  });

  test("cancelling a run emits inngest/function.cancelled, shaped as Inngest's, which functions can listen to", async ({ db }) => {
    await startExecutor(db);
    await app.client.send({ name: "control/nap", data: { why: "to be cancelled" } });
    const sleeping = await waitForRun(db, id("napper"), ["sleeping"]);

    await cancelRun(db, sleeping.id);

    const [event] = await db.select().from(workflowEvents).where(eq(workflowEvents.name, "inngest/function.cancelled"));
    const expected = {
      function_id: id("napper"),
      run_id: sleeping.id,
      event: expect.objectContaining({ name: "control/nap", data: { why: "to be cancelled" } }),
      error: { error: "function cancelled", message: "function cancelled", name: "Error" },
    };
    expect(event?.data).toEqual(expected);
    const heard = await waitForRun(db, id("cancel-watcher"), ["completed", "failed"]);
    expect(heard.output).toEqual({ ...expected, event: expect.objectContaining({ name: "control/nap" }) });
  });

  test("cancelling an invoked run fails the invoking step at once, not at the invoke's timeout", async ({ db }) => {
    await startExecutor(db);
    await app.client.send({ name: "control/patient-parent", data: {} });
    const child = await waitForRun(db, id("sleepy-child"), ["sleeping"]);
    expect((await waitForRun(db, id("patient-parent"), ["waiting"])).id).toBe(child.parentRunId);

    await cancelRun(db, child.id);

    // The invoke waits an hour; the parent ends within the test's seconds.
    const parent = await waitForRun(db, id("patient-parent"), ["completed", "failed"], 10_000);
    expect(parent.status).toBe("completed");
    expect(parent.output).toEqual({ invokeFailed: expect.stringContaining("function cancelled") });
    const [invoke] = await db
      .select({ status: workflowSteps.status, memo: workflowSteps.memo })
      .from(workflowSteps)
      .where(and(eq(workflowSteps.runId, parent.id), eq(workflowSteps.name, "call-sleepy")));
    expect(invoke).toEqual({ status: "failed", memo: { error: { name: "Error", message: "function cancelled" } } });
  });

  test("retrying a failed run resumes where it failed: completed steps do not run again", async ({ db }) => {
    const executor = await startExecutor(db);
    await app.client.send({ name: "control/fragile", data: {} });
    const failed = await waitForRun(db, id("fragile"), ["failed", "completed"]);
    expect(failed.status).toBe("failed");
    expect(failed.error?.message).toBe("second is broken");
    expect((await stepsOf(db, failed.id)).map((s) => [s.name, s.status, s.seq])).toEqual([
      ["first", "completed", 1],
      ["second", "failed", 2],
    ]);

    broken = false;
    // Stopped, so the run is seen as retryRun leaves it, before an executor claims it.
    await executor.stop();
    await retryRun(db, failed.id);
    const [queued] = await db.select().from(workflowRuns).where(eq(workflowRuns.id, failed.id));
    expect(queued).toMatchObject({ status: "queued", attempt: 0, error: null, endedAt: null, stepCount: 1 });
    await startExecutor(db);

    const run = await waitForRun(db, id("fragile"), ["completed"]);
    expect(run.id).toBe(failed.id);
    expect(run.output).toEqual([1, 2, 3]);
    expect((await stepsOf(db, run.id)).map((s) => [s.name, s.status, s.seq])).toEqual([
      ["first", "completed", 1],
      ["second", "completed", 2],
      ["third", "completed", 3],
    ]);
    expect([timesRan(run.id, "first"), timesRan(run.id, "second"), timesRan(run.id, "third")]).toEqual([1, 2, 1]);
  });

  test("a retried run that fails again fails again, and its onFailure handler hears of it again", async ({ db }) => {
    await startExecutor(db);
    await app.client.send({ name: "control/fragile", data: {} });
    const failed = await waitForRun(db, id("fragile"), ["failed"]);
    await waitForRun(db, id("fragile-failure"), ["completed"]);

    await retryRun(db, failed.id);

    const again = await waitFor(async () => {
      const [row] = await db.select().from(workflowRuns).where(eq(workflowRuns.id, failed.id));
      return row?.status === "failed" && row.endedAt && row.endedAt > failed.endedAt! ? row : undefined;
    }, "the retried run to fail again");
    expect(again.error?.message).toBe("second is broken");
    expect(timesRan(failed.id, "first")).toBe(1);
    expect(timesRan(failed.id, "second")).toBe(2);
    await waitFor(async () => {
      const handlers = await db.select().from(workflowRuns).where(eq(workflowRuns.functionId, id("fragile-failure")));
      return handlers.length === 2 && handlers.every((handler) => handler.status === "completed");
    }, "a second onFailure run");
  });

  test("retrying a failed fan-out keeps the parallel steps that completed and replays them in order", async ({ db }) => {
    await startExecutor(db);
    await app.client.send({ name: "control/fan-out", data: {} });
    const failed = await waitForRun(db, id("fragile-fan-out"), ["failed", "completed"]);
    expect(failed.status).toBe("failed");
    const kept = (await stepsOf(db, failed.id)).filter((s) => s.status === "completed");

    broken = false;
    await retryRun(db, failed.id);

    const run = await waitForRun(db, id("fragile-fan-out"), ["completed"]);
    expect(run.output).toBe("abc");
    for (const step of kept) expect(timesRan(run.id, step.name)).toBe(1);
    expect(timesRan(run.id, "part-b")).toBe(2);
    expect(timesRan(run.id, "join")).toBe(1);
    const steps = await stepsOf(db, run.id);
    // The kept steps keep their places; the rest follow them.
    expect(steps.slice(0, kept.length)).toEqual(kept);
    expect(new Set(steps.map((s) => s.seq)).size).toBe(steps.length);
  });

  test("retrying a run whose step.invoke failed invokes the function again", async ({ db }) => {
    await startExecutor(db);
    await app.client.send({ name: "control/parent", data: {} });
    const failed = await waitForRun(db, id("parent"), ["failed", "completed"]);
    expect(failed.status).toBe("failed");
    const [firstChild] = await db.select().from(workflowRuns).where(eq(workflowRuns.parentRunId, failed.id));
    expect(firstChild!.status).toBe("failed");

    broken = false;
    await retryRun(db, failed.id);

    const run = await waitForRun(db, id("parent"), ["completed"]);
    expect(run.output).toBe("child done");
    expect(timesRan(run.id, "prepare")).toBe(1);
    const children = await db.select().from(workflowRuns).where(eq(workflowRuns.parentRunId, run.id)).orderBy(asc(workflowRuns.createdAt));
    expect(children.map((child) => [child.id === firstChild!.id, child.status])).toEqual([
      [true, "failed"],
      [false, "completed"],
    ]);
  });

  test("waking a sleeping step ends the sleep now, long before its hour is up", async ({ db }) => {
    await startExecutor(db);
    await app.client.send({ name: "control/nap", data: {} });
    const sleeping = await waitForRun(db, id("napper"), ["sleeping"]);

    await wakeStep(db, sleeping.id, await stepId(db, sleeping.id, "long-nap"));

    const run = await waitForRun(db, id("napper"), ["completed"], 5_000);
    expect(run.output).toBe("rested");
    expect(run.endedAt!.getTime() - run.createdAt.getTime()).toBeLessThan(60_000);
    expect(timesRan(run.id, "before")).toBe(1);
    expect(timesRan(run.id, "after")).toBe(1);
  });

  test("waking a step waiting for an event resumes it with null, as a timeout does", async ({ db }) => {
    await startExecutor(db);
    await app.client.send({ name: "control/wait", data: {} });
    const waiting = await waitForRun(db, id("waiter"), ["waiting"]);

    await wakeStep(db, waiting.id, await stepId(db, waiting.id, "approval"));

    const run = await waitForRun(db, id("waiter"), ["completed"], 5_000);
    expect(run.output).toEqual({ approval: null });
    expect(await db.select().from(workflowWaits).where(eq(workflowWaits.runId, run.id))).toEqual([]);
  });

  test("actions that do not fit the run's state are refused with a ControlError and change nothing", async ({ db }) => {
    await startExecutor(db);
    await app.client.send({ name: "control/nap", data: {} });
    const sleeping = await waitForRun(db, id("napper"), ["sleeping"]);
    const before = await stepId(db, sleeping.id, "before");

    expect((await controlError(retryRun(db, sleeping.id))).message).toBe("Only a failed run can be retried; this one is sleeping.");
    expect((await controlError(wakeStep(db, sleeping.id, before))).message).toBe(
      "That step is not sleeping or waiting, so there is nothing to wake.",
    );

    await cancelRun(db, sleeping.id);
    const error = await controlError(cancelRun(db, sleeping.id));
    expect(error.message).toBe("That run has already ended (cancelled).");
    expect(error.reason).toBe("conflict");
    expect((await controlError(wakeStep(db, sleeping.id, await stepId(db, sleeping.id, "long-nap")))).message).toBe(
      "That step is not sleeping or waiting, so there is nothing to wake.",
    );

    const [run] = await db.select().from(workflowRuns).where(eq(workflowRuns.id, sleeping.id));
    expect(run!.status).toBe("cancelled");
  });

  test("a run or step that does not exist is a not-found ControlError", async ({ db }) => {
    const missing = "00000000-0000-4000-8000-000000000000";
    for (const action of [() => cancelRun(db, missing), () => retryRun(db, missing), () => wakeStep(db, missing, "nap")]) {
      const error = await controlError(action());
      expect(error).toMatchObject({ reason: "not-found", message: "We couldn't find that run." });
    }
  });
});
