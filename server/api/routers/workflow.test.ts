import { and, eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { createTeam, createWorkflowRun } from "@/db/factories";
import { workflowFunctions, workflowJobs, workflowRuns, workflowSteps } from "@/db/schema";
import { test } from "@/db/test-db";
import { snapshotDatabase } from "@/db/test-snapshot";
import { callError, callerFor } from "@/server/api/test-caller";

describe("workflow router", () => {
  test("listRuns: the workspace's runs, newest first, with function name, trigger event and duration; none of another workspace's", async ({ db }) => {
    const alpha = await createTeam(db, { name: "Alpha" });
    const beta = await createTeam(db, { name: "Beta" });
    const older = await createWorkflowRun(db, { workspaceId: alpha.workspace.id, status: "completed", functionName: "Welcome a new workspace", eventName: "workspace/created" });
    await createWorkflowRun(db, { workspaceId: beta.workspace.id, status: "failed" });
    await createWorkflowRun(db, { workspaceId: null, status: "completed" });
    const newer = await createWorkflowRun(db, { workspaceId: alpha.workspace.id, status: "sleeping" });
    await db.update(workflowRuns).set({ createdAt: new Date(Date.now() + 1000) }).where(eq(workflowRuns.id, newer.id));

    const { runs, nextCursor } = await (await callerFor(db, alpha.manager)).workflow.listRuns({});

    expect(runs.map((run) => run.id)).toEqual([newer.id, older.id]);
    expect(runs[1]).toMatchObject({
      functionId: "crescendo-test-function",
      functionName: "Welcome a new workspace",
      eventName: "workspace/created",
      status: "completed",
      durationMs: 58_000,
    });
    expect(runs[0]!.durationMs).toBeGreaterThanOrEqual(59_000);
    expect(nextCursor).toBeNull();
  });

  test("listRuns: filters by status and by function, and pages with a cursor", async ({ db }) => {
    const team = await createTeam(db);
    const manager = await callerFor(db, team.manager);
    const failed = await createWorkflowRun(db, { workspaceId: team.workspace.id, status: "failed" });
    const other = await createWorkflowRun(db, { workspaceId: team.workspace.id, status: "completed", functionId: "crescendo-other", functionName: "Other" });
    const ids = [failed.id, other.id];
    for (let i = 0; i < 3; i++) ids.push((await createWorkflowRun(db, { workspaceId: team.workspace.id, status: "completed" })).id);

    expect((await manager.workflow.listRuns({ status: "failed" })).runs.map((run) => run.id)).toEqual([failed.id]);
    expect((await manager.workflow.listRuns({ status: "cancelled" })).runs).toEqual([]);
    expect((await manager.workflow.listRuns({ functionId: "crescendo-other" })).runs.map((run) => run.id)).toEqual([other.id]);
    expect((await manager.workflow.listRuns({ functionId: "crescendo-other", status: "failed" })).runs).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof manager.workflow.listRuns>> = await manager.workflow.listRuns({ limit: 2, cursor });
      expect(page.runs.length).toBeLessThanOrEqual(2);
      seen.push(...page.runs.map((run) => run.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect([...seen].sort()).toEqual([...ids].sort());
    expect(seen).toEqual((await manager.workflow.listRuns({})).runs.map((run) => run.id));
  });

  test("listRuns: pages neither skip nor repeat runs created within one millisecond", async ({ db }) => {
    const team = await createTeam(db);
    const manager = await callerFor(db, team.manager);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createWorkflowRun(db, { workspaceId: team.workspace.id, status: "completed" })).id);
    // The database keeps microseconds; JavaScript dates stop at milliseconds.
    for (const [index, id] of [...ids].sort().entries()) {
      await db.update(workflowRuns).set({ createdAt: sql`'2025-03-01 09:00:00.123'::timestamptz + ${index} * interval '1 microsecond'` }).where(eq(workflowRuns.id, id));
    }

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof manager.workflow.listRuns>> = await manager.workflow.listRuns({ limit: 2, cursor });
      seen.push(...page.runs.map((run) => run.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].sort().reverse());
  });

  test("listRuns: a cursor that is not one is a BAD_REQUEST", async ({ db }) => {
    const team = await createTeam(db);
    const error = await callError((await callerFor(db, team.manager)).workflow.listRuns({ cursor: "yesterday" }));
    expect(error.code).toBe("BAD_REQUEST");
  });

  test("listRuns: a status outside the list is a BAD_REQUEST", async ({ db }) => {
    const team = await createTeam(db);
    const error = await callError((await callerFor(db, team.manager)).workflow.listRuns({ status: "paused" as never }));
    expect(error.code).toBe("BAD_REQUEST");
  });

  test("listFunctions: functions served now and those the workspace has runs of, by name", async ({ db }) => {
    const team = await createTeam(db);
    const other = await createTeam(db);
    await createWorkflowRun(db, { workspaceId: team.workspace.id, functionId: "crescendo-welcome", functionName: "Welcome a new workspace" });
    await createWorkflowRun(db, { workspaceId: team.workspace.id, functionId: "crescendo-old", functionName: "An old function" });
    await createWorkflowRun(db, { workspaceId: other.workspace.id, functionId: "crescendo-gone", functionName: "Gone elsewhere" });
    await db.update(workflowFunctions).set({ removedAt: new Date() }).where(eq(workflowFunctions.id, "crescendo-old"));
    await db.update(workflowFunctions).set({ removedAt: new Date() }).where(eq(workflowFunctions.id, "crescendo-gone"));

    expect(await (await callerFor(db, team.admin)).workflow.listFunctions()).toEqual([
      { id: "crescendo-old", name: "An old function" },
      { id: "crescendo-welcome", name: "Welcome a new workspace" },
    ]);
  });

  test("getRun: the trigger event, the output or error, and the steps in the order they happened", async ({ db }) => {
    const team = await createTeam(db);
    const run = await createWorkflowRun(db, { workspaceId: team.workspace.id, status: "failed", eventName: "workspace/created", data: { plan: "pro" } });

    const detail = await (await callerFor(db, team.manager)).workflow.getRun({ runId: run.id });

    expect(detail).toMatchObject({
      id: run.id,
      functionName: "Test function",
      status: "failed",
      output: null,
      error: { message: "The mail server refused the message" },
      event: { name: "workspace/created", id: run.eventId, data: { workspaceId: team.workspace.id, plan: "pro" }, sentAt: expect.any(Date) },
    });
    expect(detail.steps.map((step) => [step.name, step.status, step.attempts, step.output, step.error?.message ?? null])).toEqual([
      ["prepare", "completed", 1, { prepared: true }, null],
      ["send", "failed", 3, null, "The mail server refused the message"],
    ]);
    expect(detail.steps[0]!.durationMs).toBe(1000);
  });

  test("getRun: a sleeping step says when it wakes; a wait's output is the event it got", async ({ db }) => {
    const team = await createTeam(db);
    const manager = await callerFor(db, team.manager);
    const sleeping = await createWorkflowRun(db, { workspaceId: team.workspace.id, status: "sleeping" });
    const waiting = await createWorkflowRun(db, { workspaceId: team.workspace.id, status: "waiting" });
    const approval = { name: "test/approved", data: { by: "Maya" }, id: "e-1", ts: 1 };
    await db
      .update(workflowSteps)
      .set({ status: "completed", stored: true, seq: 2, memo: approval })
      .where(and(eq(workflowSteps.runId, waiting.id), eq(workflowSteps.stepId, "step-approval")));

    const nap = (await manager.workflow.getRun({ runId: sleeping.id })).steps.at(-1)!;
    expect(nap).toMatchObject({ name: "nap", status: "sleeping", output: null, dueAt: expect.any(Date) });
    expect(nap.dueAt!.getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
    expect((await manager.workflow.getRun({ runId: waiting.id })).steps.at(-1)).toMatchObject({ name: "approval", output: approval });
  });

  test("another workspace's run is NOT_FOUND for every read and action, and nothing changes", async ({ db }) => {
    const alpha = await createTeam(db);
    const beta = await createTeam(db);
    const sleeping = await createWorkflowRun(db, { workspaceId: alpha.workspace.id, status: "sleeping" });
    const failed = await createWorkflowRun(db, { workspaceId: alpha.workspace.id, status: "failed" });
    const unowned = await createWorkflowRun(db, { workspaceId: null, status: "sleeping" });
    const intruder = await callerFor(db, beta.admin);
    const before = await snapshotDatabase(db);

    for (const call of [
      () => intruder.workflow.getRun({ runId: sleeping.id }),
      () => intruder.workflow.getRun({ runId: unowned.id }),
      () => intruder.workflow.cancelRun({ runId: sleeping.id }),
      () => intruder.workflow.retryRun({ runId: failed.id }),
      () => intruder.workflow.wakeStep({ runId: sleeping.id, stepId: "step-nap" }),
      () => intruder.workflow.cancelRun({ runId: unowned.id }),
    ]) {
      const error = await callError(call());
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toBe("We couldn't find that run.");
    }
    expect((await intruder.workflow.listRuns({})).runs).toEqual([]);
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("cancelRun: a sleeping run is cancelled with its timer; cancelling again is a CONFLICT", async ({ db }) => {
    const team = await createTeam(db);
    const manager = await callerFor(db, team.manager);
    const run = await createWorkflowRun(db, { workspaceId: team.workspace.id, status: "sleeping" });

    expect(await manager.workflow.cancelRun({ runId: run.id })).toEqual({ runId: run.id });

    const detail = await manager.workflow.getRun({ runId: run.id });
    expect(detail.status).toBe("cancelled");
    expect(detail.steps.map((step) => step.status)).toEqual(["completed", "cancelled"]);
    expect(await db.select().from(workflowJobs).where(eq(workflowJobs.runId, run.id))).toEqual([]);
    const error = await callError(manager.workflow.cancelRun({ runId: run.id }));
    expect(error).toMatchObject({ code: "CONFLICT", message: "That run has already ended (cancelled)." });
  });

  test("retryRun: a failed run is queued again without its failed step; a run that did not fail is a CONFLICT", async ({ db }) => {
    const team = await createTeam(db);
    const manager = await callerFor(db, team.manager);
    const failed = await createWorkflowRun(db, { workspaceId: team.workspace.id, status: "failed" });
    const completed = await createWorkflowRun(db, { workspaceId: team.workspace.id, status: "completed" });

    await manager.workflow.retryRun({ runId: failed.id });

    const detail = await manager.workflow.getRun({ runId: failed.id });
    expect(detail).toMatchObject({ status: "queued", error: null, endedAt: null });
    expect(detail.steps.map((step) => step.name)).toEqual(["prepare"]);
    expect(await db.select({ kind: workflowJobs.kind, stepId: workflowJobs.stepId }).from(workflowJobs).where(eq(workflowJobs.runId, failed.id))).toEqual([
      { kind: "call", stepId: null },
    ]);
    const error = await callError(manager.workflow.retryRun({ runId: completed.id }));
    expect(error).toMatchObject({ code: "CONFLICT", message: "Only a failed run can be retried; this one is completed." });
  });

  test("wakeStep: a sleeping step's timer is due now; a step that is not asleep is a CONFLICT, an unknown one NOT_FOUND", async ({ db }) => {
    const team = await createTeam(db);
    const manager = await callerFor(db, team.manager);
    const run = await createWorkflowRun(db, { workspaceId: team.workspace.id, status: "sleeping" });

    await manager.workflow.wakeStep({ runId: run.id, stepId: "step-nap" });

    const [job] = await db.select().from(workflowJobs).where(eq(workflowJobs.runId, run.id));
    expect(job).toMatchObject({ kind: "wake", stepId: "step-nap" });
    expect(job!.dueAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect((await callError(manager.workflow.wakeStep({ runId: run.id, stepId: "step-prepare" }))).code).toBe("CONFLICT");
    expect((await callError(manager.workflow.wakeStep({ runId: run.id, stepId: "no-such-step" }))).code).toBe("NOT_FOUND");
  });
});
