// The reminder ladder on the real SDK and the embedded executor, fed by the
// events outbox the task services write to: a waiting reminder is woken, moved
// by a new due date, and cancelled by completion; and every rung re-checks its
// task, so nothing stale or doubled reaches anyone.
import { and, asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect } from "vitest";
import type { Database } from "@/db";
import { createCampaign, createTask as createTaskRow, createTeam } from "@/db/factories";
import { auditLog, notifications, workflowRuns, workflowSteps } from "@/db/schema";
import { test } from "@/db/test-db";
import { sendTaskReminder } from "@/server/services/reminders/send-task-reminder";
import { createTask } from "@/server/services/tasks/create-task";
import { deleteTask } from "@/server/services/tasks/delete-task";
import { moveTask } from "@/server/services/tasks/move-task";
import { updateTask } from "@/server/services/tasks/update-task";
import { wakeStep } from "../executor/control";
import { WorkflowExecutor } from "../executor/executor";
import { type ServeApp, startServeApp } from "../executor/testing/serve-app";
import { executorDeliverer } from "../outbox/deliverers";
import { OutboxRelay } from "../outbox/relay";
import { remindTaskDueFunction } from "./remind-task-due";

const functionId = "reminders-remind-task-due";
let app: ServeApp;
let database: Database;

beforeEach(async () => {
  app = await startServeApp("reminders", (client) => [remindTaskDueFunction(client, async () => database)]);
});

afterEach(async () => {
  await app.close();
});

/** A due time `hours` from now, as the task form sends it (wall clock in a zone). */
function dueIn(hours: number) {
  const at = new Date(Date.now() + hours * 3_600_000);
  return { localDateTime: at.toISOString().slice(0, 16), timeZone: "UTC" };
}

async function start(db: Database) {
  database = db;
  // Not started: drain() alone drives it, so a settled run is settled (a running loop could hold a job drain does not see).
  const executor = new WorkflowExecutor({ db, appUrls: [app.serveUrl], signingKey: app.signingKey, backoffMs: () => 50 });
  await executor.sync();
  const relay = new OutboxRelay({ db, deliverer: executorDeliverer(executor) });
  /** Delivers what the services wrote and lets the runs reach their next sleep. */
  const settle = async () => {
    await relay.deliverDue();
    await executor.drain();
  };
  return { executor, settle };
}

const runsOf = (db: Database) => db.select().from(workflowRuns).where(eq(workflowRuns.functionId, functionId)).orderBy(asc(workflowRuns.createdAt));

/** The sleep a run is at: its name and when it wakes. */
async function sleepingAt(db: Database, runId: string) {
  const [step] = await db
    .select({ stepId: workflowSteps.stepId, name: workflowSteps.name, dueAt: workflowSteps.dueAt })
    .from(workflowSteps)
    .where(and(eq(workflowSteps.runId, runId), eq(workflowSteps.status, "sleeping")));
  return step!;
}

async function wake(db: Database, executor: WorkflowExecutor, runId: string) {
  await wakeStep(db, runId, (await sleepingAt(db, runId)).stepId);
  executor.wake();
  await executor.drain();
}

const remindersFor = (db: Database, userId: string) =>
  db.select({ kind: notifications.kind, title: notifications.title }).from(notifications).where(eq(notifications.userId, userId)).orderBy(asc(notifications.createdAt));

describe("the task reminder ladder", () => {
  test("a new task's reminder waits; woken, it tells the assignee; a new due date replaces the waiting run; completing it cancels the next", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha" });
    const { executor, settle } = await start(db);
    const scope = { workspaceId: team.workspace.id, actorId: team.manager.id };

    const { task } = await createTask(db, { ...scope, title: "Draft the launch email", assigneeId: team.marketer.id, due: dueIn(30) });
    await settle();
    const [first] = await runsOf(db);
    expect(first!.status).toBe("sleeping");
    const firstSleep = await sleepingAt(db, first!.id);
    expect(firstSleep.name).toBe("wait-for-due-soon");
    expect(Math.abs(firstSleep.dueAt!.getTime() - (task.dueAt!.getTime() - 24 * 3_600_000))).toBeLessThan(1_000);

    await wake(db, executor, first!.id);
    expect(await remindersFor(db, team.marketer.id)).toContainEqual({ kind: "due_soon", title: "“Draft the launch email” is due soon" });
    expect((await sleepingAt(db, first!.id)).name).toBe("wait-for-due-in-an-hour");
    const [history] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, task.id), eq(auditLog.action, "reminded")));
    expect(history).toMatchObject({ actorId: null, after: { rung: "due-soon", recipients: ["Marketer Alpha"] } });

    // A new due date: the waiting run is cancelled and a new one waits for the new time.
    await updateTask(db, { ...scope, taskId: task.id, due: dueIn(50) });
    await settle();
    const [old, moved] = await runsOf(db);
    expect(old!.status).toBe("cancelled");
    expect(moved!.status).toBe("sleeping");
    expect((await sleepingAt(db, moved!.id)).dueAt!.getTime()).toBeGreaterThan(Date.now() + 25 * 3_600_000);

    // Done before the next reminder: the run is cancelled and no reminder follows.
    const before = (await remindersFor(db, team.marketer.id)).length;
    await moveTask(db, { workspaceId: team.workspace.id, actorId: team.marketer.id, taskId: task.id, status: "in_progress", afterTaskId: null });
    await moveTask(db, { workspaceId: team.workspace.id, actorId: team.marketer.id, taskId: task.id, status: "done", afterTaskId: null });
    await settle();
    expect((await runsOf(db)).map((run) => run.status)).toEqual(["cancelled", "cancelled"]);
    expect(await remindersFor(db, team.marketer.id)).toHaveLength(before);
  });

  test("reassigning restarts the ladder for the new assignee; deleting the task cancels it", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha" });
    const { executor, settle } = await start(db);
    const scope = { workspaceId: team.workspace.id, actorId: team.manager.id };
    const { task } = await createTask(db, { ...scope, title: "Book the venue", assigneeId: team.marketer.id, due: dueIn(30) });
    await settle();

    await updateTask(db, { ...scope, taskId: task.id, assigneeId: team.admin.id });
    await settle();
    const [, current] = await runsOf(db);
    await wake(db, executor, current!.id);
    expect(await remindersFor(db, team.admin.id)).toContainEqual({ kind: "due_soon", title: "“Book the venue” is due soon" });
    expect((await remindersFor(db, team.marketer.id)).filter((n) => n.kind === "due_soon")).toEqual([]);

    await deleteTask(db, { ...scope, taskId: task.id });
    await settle();
    expect((await runsOf(db)).map((run) => run.status)).toEqual(["cancelled", "cancelled"]);
  });

  test("a rung that fires after its task changed sends nothing: done, due elsewhere, deleted", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha" });
    const scope = { workspaceId: team.workspace.id, actorId: team.manager.id };
    const { task } = await createTask(db, { ...scope, title: "Write the blog post", assigneeId: team.marketer.id, due: dueIn(3) });
    const dueAt = task.dueAt!.toISOString();

    expect(await sendTaskReminder(db, { workspaceId: team.workspace.id, taskId: task.id, dueAt: new Date(Date.now() + 9e6).toISOString(), rung: "due-soon" })).toEqual({
      skipped: "the due date changed",
    });
    await moveTask(db, { workspaceId: team.workspace.id, actorId: team.marketer.id, taskId: task.id, status: "in_progress", afterTaskId: null });
    await moveTask(db, { workspaceId: team.workspace.id, actorId: team.marketer.id, taskId: task.id, status: "done", afterTaskId: null });
    expect(await sendTaskReminder(db, { workspaceId: team.workspace.id, taskId: task.id, dueAt, rung: "due-now" })).toEqual({ skipped: "the task is done" });
    await deleteTask(db, { ...scope, taskId: task.id });
    expect(await sendTaskReminder(db, { workspaceId: team.workspace.id, taskId: task.id, dueAt, rung: "overdue" })).toEqual({ skipped: "the task was deleted" });
    expect(await db.select().from(notifications).where(eq(notifications.kind, "due_soon"))).toEqual([]);
  });

  test("escalations go to the campaign's owner, then the managers, never to the assignee, and never twice", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha" });
    const campaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.admin.id, name: "Spring launch" });
    // Written straight into the table: a new task can't be created overdue.
    const task = await createTaskRow(db, { workspaceId: team.workspace.id, title: "Cut the teaser", assigneeId: team.marketer.id, campaignId: campaign.id, dueAt: new Date(Date.now() - 60 * 3_600_000) });
    const input = { workspaceId: team.workspace.id, taskId: task.id, dueAt: task.dueAt!.toISOString() };

    expect(await sendTaskReminder(db, { ...input, rung: "escalate-to-owner" })).toEqual({ sent: ["Admin Alpha"] });
    expect(await sendTaskReminder(db, { ...input, rung: "escalate-to-owner" })).toEqual({ skipped: "everyone was told before, or turned this kind off" });
    expect(await sendTaskReminder(db, { ...input, rung: "escalate-to-managers" })).toEqual({ sent: ["Manager Alpha"] });
    expect(await remindersFor(db, team.admin.id)).toEqual([
      { kind: "escalated", title: "“Cut the teaser” is over 2 business days overdue (assigned to Marketer Alpha)" },
    ]);
    expect((await remindersFor(db, team.marketer.id)).filter((n) => n.kind === "escalated")).toEqual([]);
    const entries = await db.select({ action: auditLog.action, after: auditLog.after }).from(auditLog).where(and(eq(auditLog.entityId, task.id), eq(auditLog.action, "escalated")));
    expect(entries.map((entry) => entry.after)).toEqual([
      { rung: "escalate-to-owner", recipients: ["Admin Alpha"] },
      { rung: "escalate-to-managers", recipients: ["Manager Alpha"] },
    ]);

    // Without a campaign (so without an owner), the first escalation goes to the managers.
    const loose = await createTaskRow(db, { workspaceId: team.workspace.id, title: "Update the press kit", assigneeId: team.marketer.id, dueAt: new Date(Date.now() - 60 * 3_600_000) });
    expect(await sendTaskReminder(db, { workspaceId: team.workspace.id, taskId: loose.id, dueAt: loose.dueAt!.toISOString(), rung: "escalate-to-owner" })).toEqual({
      sent: ["Manager Alpha"],
    });
  });

  test("a task without an assignee is escalated but not reminded", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha" });
    const task = await createTaskRow(db, { workspaceId: team.workspace.id, title: "Pick a photographer", dueAt: new Date(Date.now() - 3_600_000) });
    const input = { workspaceId: team.workspace.id, taskId: task.id, dueAt: task.dueAt!.toISOString() };
    expect(await sendTaskReminder(db, { ...input, rung: "overdue" })).toEqual({ skipped: "no one is assigned" });
    expect(await sendTaskReminder(db, { ...input, rung: "escalate-to-managers" })).toEqual({ sent: ["Manager Alpha"] });
  });
});
