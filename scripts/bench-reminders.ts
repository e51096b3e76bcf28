// npm run bench:reminders: the task reminder ladder at size, on a throwaway
// PostgreSQL, in one process as the app server runs it (the serve handler with
// the real remind-task-due function, the embedded executor, the outbox relay).
//   arm        10,000 tasks get due times spread over a window starting after
//              arming; their task/due.scheduled events are written to the outbox
//              as the task services write them (500 per transaction), and the
//              time until every run sleeps until its "due now" reminder is taken
//   churn      while they wait, 1,000 tasks get a new due time (spread over the
//              window like the first ones) and 1,000 others are completed
//              through moveTask, the service the board calls
//   lateness   each "due now" notification's creation time minus its task's
//              due time: p50, p95, p99, max (target p99 < 1 s)
//   stale      "due now" notifications for completed tasks, or for a due time a
//              task no longer has (must be 0)
//   duplicates the same reminder sent twice for one task (must be 0)
// Options: --tasks=10000 --changed=1000 --completed=1000 --window=300 (seconds the
//          due times spread over) --members=50
import { randomUUID } from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import { and, count, eq, inArray, like, sql } from "drizzle-orm";
import { type Database, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { auditLog, memberships, notifications, tasks, users, workflowRuns, workflowSteps, workspaces } from "@/db/schema";
import { WorkflowExecutor } from "@/inngest/executor/executor";
import { percentile } from "@/inngest/executor/testing/bench-measure";
import { startServeApp } from "@/inngest/executor/testing/serve-app";
import { remindTaskDueFunction } from "@/inngest/functions/remind-task-due";
import { executorDeliverer } from "@/inngest/outbox/deliverers";
import { OutboxRelay } from "@/inngest/outbox/relay";
import { enqueueReminderChange, enqueueReminderChanges } from "@/server/services/reminders/task-reminder-events";
import { moveTask } from "@/server/services/tasks/move-task";
import { createDatabase, startPostgres, stopPostgres } from "./bench/postgres";

const { values: args } = parseArgs({
  options: {
    tasks: { type: "string", default: "10000" },
    changed: { type: "string", default: "1000" },
    completed: { type: "string", default: "1000" },
    window: { type: "string", default: "300" },
    members: { type: "string", default: "50" },
  },
});
const taskCount = Number(args.tasks);
const changedCount = Number(args.changed);
const completedCount = Number(args.completed);
const windowMs = Number(args.window) * 1000;
const memberCount = Number(args.members);
const functionId = "crescendo-remind-task-due";

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const log = (line: string) => process.stdout.write(`${line}\n`);

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A workspace with `memberCount` marketers and one manager; returns their ids. */
async function seedTeam(db: Database) {
  const [workspace] = await db.insert(workspaces).values({ name: "Reminder bench" }).returning({ id: workspaces.id });
  const people = await db
    .insert(users)
    .values(Array.from({ length: memberCount + 1 }, (_, i) => ({ email: `member-${i}-${randomUUID().slice(0, 6)}@bench.test`, name: `Member ${i}`, passwordHash: "x" })))
    .returning({ id: users.id });
  await db.insert(memberships).values(people.map((person, i) => ({ workspaceId: workspace!.id, userId: person.id, role: i === 0 ? ("manager" as const) : ("marketer" as const) })));
  return { workspaceId: workspace!.id, managerId: people[0]!.id, memberIds: people.slice(1).map((person) => person.id) };
}

/** Runs sleeping until their "due now" reminder. */
async function armedRuns(db: Database): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(workflowSteps)
    .innerJoin(workflowRuns, eq(workflowRuns.id, workflowSteps.runId))
    .where(and(eq(workflowRuns.functionId, functionId), eq(workflowSteps.name, "wait-for-due-now"), eq(workflowSteps.status, "sleeping")));
  return row?.n ?? 0;
}

async function main() {
  const server = await startPostgres();
  const url = await createDatabase(server, "reminders_bench");
  const handle = await openDatabase({ kind: "postgres", url, maxConnections: 30 });
  await migrateDatabase(handle, url);
  const { db } = handle;
  const app = await startServeApp("crescendo", (client) => [remindTaskDueFunction(client, async () => db)]);
  const executor = new WorkflowExecutor({ db, appUrls: [app.serveUrl], signingKey: app.signingKey, onError: (error) => console.error(error) });
  const relay = new OutboxRelay({ db, deliverer: executorDeliverer(executor), listen: handle.listen });
  try {
    await executor.sync();
    executor.start();
    await relay.start();
    const team = await seedTeam(db);
    log(`reminder ladder: ${taskCount} tasks, due over ${seconds(windowMs)}; ${changedCount} re-dated and ${completedCount} completed while waiting`);

    // Arming takes about 20 ms per task here (two calls of the function each), a change about 10 ms:
    // the window opens after both, with room to spare.
    const windowStart = Date.now() + Math.max(45_000, taskCount * 30 + (changedCount + completedCount) * 20);
    const rows = await db
      .insert(tasks)
      .values(
        Array.from({ length: taskCount }, (_, i) => ({
          workspaceId: team.workspaceId,
          title: `Bench task ${i}`,
          assigneeId: team.memberIds[i % team.memberIds.length]!,
          dueAt: new Date(windowStart + Math.floor((i / taskCount) * windowMs)),
          position: `a${String(i).padStart(6, "0")}`,
        })),
      )
      .returning();

    const armStarted = Date.now();
    for (let start = 0; start < rows.length; start += 500) {
      await db.transaction((tx) => enqueueReminderChanges(tx, rows.slice(start, start + 500).map((row) => ({ before: null, after: row }))));
    }
    await waitUntil("every run to be armed", async () => (await armedRuns(db)) >= taskCount, 30 * 60_000);
    const armMs = Date.now() - armStarted;
    log(`  arm: ${taskCount} runs sleeping until "due now" in ${seconds(armMs)} (${((taskCount / armMs) * 1000).toFixed(0)} runs/s); window opens in ${seconds(windowStart - Date.now())}`);

    // Churn, from the first tasks due (the ones most likely to fire mid-change): odd ones re-dated, even ones completed.
    const changed = rows.filter((_, i) => i % 2 === 1).slice(0, changedCount);
    const completed = rows.filter((_, i) => i % 2 === 0).slice(0, completedCount);
    const churnStarted = Date.now();
    // New due times spread evenly over the window, as the first ones were, so the re-dated tasks test
    // rescheduling without piling onto one stretch of it.
    const newDue = new Map(changed.map((row, k) => [row.id, new Date(windowStart + Math.floor(((k + 0.5) / changed.length) * windowMs))]));
    await inBatches(changed, 8, async (row) => {
      // What updateTask does for a due date, without its minute-precision form input.
      await db.transaction(async (tx) => {
        const [after] = await tx.update(tasks).set({ dueAt: newDue.get(row.id)!, updatedAt: new Date() }).where(eq(tasks.id, row.id)).returning();
        await enqueueReminderChange(tx, row, after!);
      });
    });
    await inBatches(completed, 8, async (row) => {
      const scope = { workspaceId: team.workspaceId, actorId: row.assigneeId!, taskId: row.id, afterTaskId: null };
      await moveTask(db, { ...scope, status: "in_progress" });
      await moveTask(db, { ...scope, status: "done" });
    });
    const churnMs = Date.now() - churnStarted;
    log(`  churn: ${changedCount} due dates changed and ${completedCount} tasks completed in ${seconds(churnMs)}; first due ${seconds(windowStart - Date.now())} from now`);

    // Everything due has fired once the last (re-dated) due time is past and the runs have caught up.
    const expected = taskCount - completedCount;
    const lastDue = Math.max(...rows.map((row) => newDue.get(row.id)?.getTime() ?? row.dueAt!.getTime()));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lastDue - Date.now())));
    const dueNow = () => db.select({ n: count() }).from(notifications).where(like(notifications.dedupeKey, "%:due-now:%"));
    await waitUntil("every due-now reminder", async () => ((await dueNow())[0]?.n ?? 0) >= expected, 10 * 60_000).catch((error: Error) => log(`  ${error.message}`));

    const sent = await db
      .select({ taskId: notifications.taskId, createdAt: notifications.createdAt, dedupeKey: notifications.dedupeKey, dueAt: tasks.dueAt, status: tasks.status })
      .from(notifications)
      .innerJoin(tasks, eq(tasks.id, notifications.taskId))
      .where(like(notifications.dedupeKey, "%:due-now:%"));
    const lateness = sent.map((row) => row.createdAt.getTime() - row.dueAt!.getTime()).sort((a, b) => a - b);
    const stale = sent.filter((row) => row.status === "done" || !row.dedupeKey.includes(`:${row.dueAt!.toISOString()}:`)).length;
    const [audited] = await db
      .select({ n: count(), tasks: sql<number>`count(distinct ${auditLog.entityId})::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, "reminded"), sql`${auditLog.after}->>'rung' = 'due-now'`));
    const duplicates = (audited?.n ?? 0) - (audited?.tasks ?? 0);
    const cancelled = await db
      .select({ n: count() })
      .from(workflowRuns)
      .where(and(eq(workflowRuns.functionId, functionId), inArray(workflowRuns.status, ["cancelled"])));
    log(`  sent: ${sent.length} "due now" reminders of ${expected} expected; ${cancelled[0]?.n ?? 0} runs cancelled (expected ${changedCount + completedCount})`);
    if (lateness.length > 0) {
      const ms = (values: number[], p: number) => `${percentile(values, p).toFixed(0)} ms`;
      log(`  lateness against the due time: p50 ${ms(lateness, 50)}, p95 ${ms(lateness, 95)}, p99 ${ms(lateness, 99)}, max ${lateness.at(-1)!.toFixed(0)} ms (target p99 < 1 s)`);
      // Where the late ones are: untouched tasks, and the re-dated ones (whose runs were replaced while waiting).
      const redated = new Set(changed.map((row) => row.id));
      const of = (keep: (row: (typeof sent)[number]) => boolean) =>
        sent
          .filter(keep)
          .map((row) => row.createdAt.getTime() - row.dueAt!.getTime())
          .sort((a, b) => a - b);
      const untouched = of((row) => !redated.has(row.taskId!));
      const moved = of((row) => redated.has(row.taskId!));
      if (moved.length > 0) log(`    untouched tasks: p50 ${ms(untouched, 50)}, p99 ${ms(untouched, 99)}; re-dated tasks: p50 ${ms(moved, 50)}, p99 ${ms(moved, 99)}`);
      log(`    load average (1 min) at the end: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
    }
    log(`  stale sends: ${stale}`);
    log(`  duplicate sends: ${duplicates}`);
  } finally {
    await relay.stop();
    await executor.stop();
    await app.close();
    await handle.close();
    await stopPostgres(server);
  }
}

/** `work` for each item, `parallel` at a time. */
async function inBatches<T>(items: T[], parallel: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
