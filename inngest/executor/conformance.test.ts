// The conformance suite: each function runs through @inngest/test (the SDK's own
// engine) and through the embedded executor on a real database (PGlite, or
// PostgreSQL with TEST_DATABASE=postgres), and must take the same steps to the
// same result.
import { InngestTestEngine } from "@inngest/test";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect } from "vitest";
import type { Database } from "@/db";
import { workflowCancels, workflowJobs, workflowRuns, workflowSteps } from "@/db/schema";
import { test } from "@/db/test-db";
import { conformanceFunctions, type ConformanceFunctions, timesRan } from "./testing/conformance-functions";
import { type ServeApp, startServeApp } from "./testing/serve-app";
import { waitFor, waitForRun } from "./testing/wait-for";

let app: ServeApp;
let fns: ConformanceFunctions;

beforeEach(async () => {
  app = await startServeApp("conformance", (client) => {
    fns = conformanceFunctions(client);
    return Object.values(fns);
  });
});

afterEach(async () => {
  await app.close();
});

function startExecutor(db: Database) {
  return app.startExecutor(db);
}

const id = (fn: string) => `conformance-${fn}`;

async function stepNames(db: Database, runId: string) {
  const rows = await db
    .select({ name: workflowSteps.name, status: workflowSteps.status, attempts: workflowSteps.attempts })
    .from(workflowSteps)
    .where(eq(workflowSteps.runId, runId))
    .orderBy(asc(workflowSteps.seq));
  return rows;
}

function engineStepIds(ctx: { step: Record<string, { mock: { calls: unknown[][] } }> }, tool = "run") {
  return ctx.step[tool]!.mock.calls.map((call) => call[0] as string);
}

describe("conformance: the embedded executor runs functions as Inngest does", () => {
  test("a chain of step.run", async ({ db }) => {
    const engine = await new InngestTestEngine({ function: fns.chain }).execute({ events: [{ name: "conformance/chain", data: { start: 1 } }] });
    await startExecutor(db);
    await app.client.send({ name: "conformance/chain", data: { start: 1 } });
    const run = await waitForRun(db, id("chain"), ["completed", "failed"]);

    expect(run.status).toBe("completed");
    expect(run.output).toEqual(engine.result);
    expect(run.output).toEqual({ a: 2, b: 4, c: "4!" });
    const steps = await stepNames(db, run.id);
    expect(steps.map((s) => s.name)).toEqual(engineStepIds(engine.ctx as never));
    for (const name of ["first", "second", "third"]) expect(timesRan(run.id, name)).toBe(1);
  });

  test("step.sleep waits, then carries on", async ({ db }) => {
    const engine = await new InngestTestEngine({ function: fns.sleeper, steps: [{ id: "nap", handler() {} }] }).execute({
      events: [{ name: "conformance/sleep", data: {} }],
    });
    await startExecutor(db);
    await app.client.send({ name: "conformance/sleep", data: {} });
    const sleeping = await waitForRun(db, id("sleeper"), ["sleeping"]);
    const [nap] = await db.select().from(workflowSteps).where(and(eq(workflowSteps.runId, sleeping.id), eq(workflowSteps.name, "nap")));
    expect(nap?.status).toBe("sleeping");
    expect(nap!.dueAt!.getTime() - nap!.createdAt.getTime()).toBeGreaterThanOrEqual(900);

    const run = await waitForRun(db, id("sleeper"), ["completed", "failed"]);
    expect(run.output).toEqual(engine.result);
    expect((await stepNames(db, run.id)).map((s) => s.name)).toEqual(["before", "nap", "after"]);
    expect(timesRan(run.id, "before")).toBe(1);
    expect(timesRan(run.id, "after")).toBe(1);
  });

  test("waitForEvent: another id does not match, the matching event resumes the run", async ({ db }) => {
    const approval = { name: "conformance/approved", data: { id: "a-1", by: "Maya" } };
    const engine = await new InngestTestEngine({
      function: fns.waiter,
      steps: [{ id: "pause", handler() {} }],
      // @inngest/test 1.0.0 hands inngest 4.24 a promise where a mocked waitForEvent
      // result should be, which fails its event validation; mock the tool instead.
      transformCtx: (ctx) => ({ ...ctx, step: { ...ctx.step, waitForEvent: (async () => approval) as typeof ctx.step.waitForEvent } }),
    }).execute({ events: [{ name: "conformance/wait", data: { id: "a-1" } }] });
    await startExecutor(db);
    await app.client.send({ name: "conformance/wait", data: { id: "a-1" } });
    await waitForRun(db, id("waiter"), ["waiting"]);

    await app.client.send({ name: "conformance/approved", data: { id: "a-2", by: "Someone else" } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await waitForRun(db, id("waiter"), ["waiting", "running", "sleeping", "completed"])).status).toBe("waiting");

    await app.client.send(approval);
    const run = await waitForRun(db, id("waiter"), ["completed", "failed"]);
    expect(run.output).toEqual(engine.result);
    expect(run.output).toEqual({ approvedBy: "Maya" });
  });

  test("waitForEvent times out, and a late event does not resume the run", async ({ db }) => {
    const engine = await new InngestTestEngine({
      function: fns.waiter,
      steps: [{ id: "pause", handler() {} }],
      transformCtx: (ctx) => ({ ...ctx, step: { ...ctx.step, waitForEvent: (async () => null) as typeof ctx.step.waitForEvent } }),
    }).execute({ events: [{ name: "conformance/wait", data: { id: "b-1", timeout: "1s", pause: "2s" } }] });
    await startExecutor(db);
    await app.client.send({ name: "conformance/wait", data: { id: "b-1", timeout: "1s", pause: "2s" } });
    const paused = await waitForRun(db, id("waiter"), ["sleeping"]);
    // Timed out; the approval now comes too late.
    await app.client.send({ name: "conformance/approved", data: { id: "b-1", by: "Late Larry" } });

    const run = await waitForRun(db, id("waiter"), ["completed", "failed"]);
    expect(run.id).toBe(paused.id);
    expect(run.output).toEqual(engine.result);
    expect(run.output).toEqual({ approvedBy: null });
  });

  test("step.sendEvent starts another function", async ({ db }) => {
    const engine = await new InngestTestEngine({ function: fns.sender, steps: [{ id: "ask-child", handler: () => ({ ids: ["x"] }) }] }).execute({
      events: [{ name: "conformance/send", data: { value: 21 } }],
    });
    const childEngine = await new InngestTestEngine({ function: fns.child }).execute({ events: [{ name: "conformance/child", data: { value: 21 } }] });
    await startExecutor(db);
    await app.client.send({ name: "conformance/send", data: { value: 21 } });

    const run = await waitForRun(db, id("sender"), ["completed", "failed"]);
    expect(run.output).toEqual(engine.result);
    const child = await waitForRun(db, id("child"), ["completed", "failed"]);
    expect(child.output).toEqual(childEngine.result);
    expect(child.output).toBe(42);
  });

  test("a step that fails is retried and then succeeds", async ({ db }) => {
    const engine = await new InngestTestEngine({ function: fns.flaky, transformCtx: (ctx) => ({ ...ctx, attempt: 1 }) }).execute({
      events: [{ name: "conformance/flaky", data: {} }],
    });
    await startExecutor(db);
    await app.client.send({ name: "conformance/flaky", data: {} });

    const run = await waitForRun(db, id("flaky"), ["completed", "failed"]);
    expect(run.status).toBe("completed");
    expect(run.output).toEqual(engine.result);
    expect(run.output).toBe("succeeded on attempt 1");
    expect(timesRan(run.id, "unsteady")).toBe(2);
    expect(await stepNames(db, run.id)).toEqual([{ name: "unsteady", status: "completed", attempts: 2 }]);
  });

  test("NonRetriableError fails the run at once and runs onFailure", async ({ db }) => {
    const engine = await new InngestTestEngine({ function: fns.doomed }).execute({ events: [{ name: "conformance/doomed", data: {} }] });
    expect((engine.error as Error).message).toBe("cannot ever work");
    await startExecutor(db);
    await app.client.send({ name: "conformance/doomed", data: {} });

    const run = await waitForRun(db, id("doomed"), ["completed", "failed"]);
    expect(run.status).toBe("failed");
    expect(run.error?.message).toBe("cannot ever work");
    expect(timesRan(run.id, "hopeless")).toBe(1);
    const handler = await waitForRun(db, id("doomed-failure"), ["completed", "failed"]);
    expect(handler.output).toBe("handled: cannot ever work");
  });

  test("parallel steps each run exactly once", async ({ db }) => {
    const engine = await new InngestTestEngine({ function: fns.fanOut }).execute({ events: [{ name: "conformance/fan-out", data: {} }] });
    await startExecutor(db);
    await app.client.send({ name: "conformance/fan-out", data: {} });

    const run = await waitForRun(db, id("fan-out"), ["completed", "failed"]);
    expect(run.output).toEqual(engine.result);
    expect(run.output).toEqual({ parts: [3, 5, 4], total: 12 });
    const names = (await stepNames(db, run.id)).map((s) => s.name);
    expect([...names].sort()).toEqual([...engineStepIds(engine.ctx as never)].sort());
    for (const name of ["paint-red", "paint-green", "paint-blue", "sum"]) expect(timesRan(run.id, name)).toBe(1);
  });

  test("cancelOn cancels a sleeping run, and only the matching one", async ({ db }) => {
    await startExecutor(db);
    await app.client.send({ name: "conformance/cancellable", data: { id: "c-1" } });
    const sleeping = await waitForRun(db, id("cancellable"), ["sleeping"]);
    await app.client.send({ name: "conformance/cancel", data: { id: "c-2" } });
    expect((await waitForRun(db, id("cancellable"), ["sleeping", "cancelled"])).status).toBe("sleeping");

    await app.client.send({ name: "conformance/cancel", data: { id: "c-1" } });
    const run = await waitForRun(db, id("cancellable"), ["cancelled", "completed"]);
    expect(run.id).toBe(sleeping.id);
    expect(run.status).toBe("cancelled");
    expect(await db.select().from(workflowJobs).where(eq(workflowJobs.runId, run.id))).toEqual([]);
    expect(timesRan(run.id, "after-nap")).toBe(0);
  });

  test("a run that cancels on its own trigger's event is replaced by a newer one, never cancelled by its own or an older one", async ({ db }) => {
    await startExecutor(db);
    const runsOf = () => db.select().from(workflowRuns).where(eq(workflowRuns.functionId, id("superseded"))).orderBy(workflowRuns.createdAt);
    const ts = Date.now();
    await app.client.send({ name: "conformance/schedule", data: { id: "s-1", version: 1 }, ts });
    await waitForRun(db, id("superseded"), ["sleeping"]);
    // Two in one batch: the second replaces the first and the run of version 1.
    await app.client.send([
      { name: "conformance/schedule", data: { id: "s-1", version: 2 }, ts: ts + 1 },
      { name: "conformance/schedule", data: { id: "s-1", version: 3 }, ts: ts + 2 },
    ]);
    await waitFor(async () => (await runsOf()).filter((run) => run.status === "sleeping").length === 1 && (await runsOf()).length === 3, "version 3 alone sleeping");
    const byVersion = (await runsOf()).map((run) => [(run.event as { data: { version: number } }).data.version, run.status] as const);
    expect(byVersion.sort((a, b) => a[0] - b[0])).toEqual([
      [1, "cancelled"],
      [2, "cancelled"],
      [3, "sleeping"],
    ]);
    // An event that happened before the sleeping run's own cancels nothing.
    await app.client.send({ name: "conformance/schedule", data: { id: "s-1", version: 0 }, ts: ts - 60_000 });
    await waitFor(async () => (await runsOf()).length === 4, "the late event's run");
    const statuses = new Map((await runsOf()).map((run) => [(run.event as { data: { version: number } }).data.version, run.status]));
    expect(statuses.get(3)).toBe("sleeping");
  });

  test("cancelOn rules are stored with each run when it starts, found by event name, and go when the run ends", async ({ db }) => {
    await startExecutor(db);
    await app.client.send({ name: "conformance/cancellable", data: { id: "c-3" } });
    const sleeping = await waitForRun(db, id("cancellable"), ["sleeping"]);
    const rules = await db.select().from(workflowCancels).where(eq(workflowCancels.eventName, "conformance/cancel"));
    expect(rules).toEqual([{ runId: sleeping.id, rule: 0, eventName: "conformance/cancel", expression: "event.data.id == async.data.id", expiresAt: null }]);

    await app.client.send({ name: "conformance/cancel", data: { id: "c-3" } });
    expect((await waitForRun(db, id("cancellable"), ["cancelled", "completed"])).status).toBe("cancelled");
    expect(await db.select().from(workflowCancels)).toEqual([]);
  });

  test("a cron trigger fires at its time and schedules the next one", async ({ db }) => {
    const engine = await new InngestTestEngine({ function: fns.ticker }).execute({
      events: [{ name: "inngest/scheduled.timer", data: { cron: "TZ=Europe/Paris 0 9 * * *" } }],
    });
    await startExecutor(db);
    const [schedule] = await db.select().from(workflowJobs).where(eq(workflowJobs.kind, "cron"));
    expect(schedule!.functionId).toBe(id("ticker"));
    // 09:00 in Paris is 07:00 or 08:00 UTC.
    expect([7, 8]).toContain(schedule!.dueAt.getUTCHours());
    expect(schedule!.dueAt.getTime()).toBeGreaterThan(Date.now());

    // Let the clock "reach" the fire time.
    await db.update(workflowJobs).set({ dueAt: sql`now()` }).where(eq(workflowJobs.id, schedule!.id));
    const run = await waitForRun(db, id("ticker"), ["completed", "failed"]);
    expect(run.output).toEqual(engine.result);
    expect(run.event.name).toBe("inngest/scheduled.timer");
    const next = await waitFor(async () => {
      const [row] = await db.select().from(workflowJobs).where(eq(workflowJobs.kind, "cron"));
      return row && row.dueAt.getTime() > Date.now() ? row : undefined;
    }, "the next cron fire");
    // Fired ahead of its time, so the next fire is the one that was due.
    expect(next.dueAt).toEqual(schedule!.dueAt);
    expect(await db.select().from(workflowRuns).where(eq(workflowRuns.functionId, id("ticker")))).toHaveLength(1);
  });

  test("step.invoke returns the invoked function's value", async ({ db }) => {
    const engine = await new InngestTestEngine({ function: fns.invoker, steps: [{ id: "call-multiply", handler: () => 40 }] }).execute({
      events: [{ name: "conformance/invoke", data: { n: 4 } }],
    });
    await startExecutor(db);
    await app.client.send({ name: "conformance/invoke", data: { n: 4 } });

    const run = await waitForRun(db, id("invoker"), ["completed", "failed"]);
    expect(run.output).toEqual(engine.result);
    expect(run.output).toBe(41);
    const [invoked] = await db.select().from(workflowRuns).where(eq(workflowRuns.parentRunId, run.id));
    expect(invoked?.functionId).toBe(id("multiply"));
    expect(invoked?.output).toBe(40);
  });
});
