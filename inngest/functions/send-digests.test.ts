// Digests on the real SDK and the embedded executor, fed by the events outbox,
// delivering through a real SMTP server: a cron that comes late after downtime
// sends the current period once; firing again, or a duplicate event for the same
// member and day, sends nothing more; and on PostgreSQL two executors firing
// the same period at once send one email.
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, inject } from "vitest";
import type { Database } from "@/db";
import { createTask, createTeam } from "@/db/factories";
import { digests, eventOutbox, memberships, outboxEmails, workflowJobs, workflowRuns } from "@/db/schema";
import { test } from "@/db/test-db";
import { todayIn } from "@/server/services/date-time";
import { enqueueDueDigests } from "@/server/services/digests/enqueue-due-digests";
import { startSmtpServer, type TestSmtpServer } from "@/server/services/mail/test-smtp-server";
import type { WorkflowExecutor } from "../executor/executor";
import { type ServeApp, startServeApp } from "../executor/testing/serve-app";
import { waitFor } from "../executor/testing/wait-for";
import { executorDeliverer } from "../outbox/deliverers";
import { OutboxRelay } from "../outbox/relay";
import { digestFunctions } from "./send-digests";

const onPostgres = inject("testDatabaseTemplate").kind === "postgres";
const cronId = "digests-find-due-digests";
const dailyId = "digests-send-daily-digest";
let app: ServeApp;
let smtp: TestSmtpServer;
let database: Database;

beforeEach(async () => {
  smtp = await startSmtpServer();
  app = await startServeApp("digests", (client) => [...digestFunctions(client, async () => database, { smtpUrl: smtp.smtpUrl })]);
});

afterEach(async () => {
  await app.close();
  await smtp.close();
});

async function start(db: Database, options: Parameters<ServeApp["startExecutor"]>[1] = {}) {
  database = db;
  const executor = await app.startExecutor(db, options);
  const relay = new OutboxRelay({ db, deliverer: executorDeliverer(executor) });
  /** Delivers what the outbox holds and waits until every run it started has finished. */
  const settle = async () => {
    await relay.deliverDue();
    await waitFor(async () => {
      const busy = await db.select({ id: workflowRuns.id }).from(workflowRuns).where(inArray(workflowRuns.status, ["queued", "running"]));
      return busy.length === 0;
    }, "the runs to finish");
  };
  return { executor, relay, settle };
}

const cronRuns = (db: Database) => db.select({ status: workflowRuns.status }).from(workflowRuns).where(eq(workflowRuns.functionId, cronId));

/** Lets the clock "reach" the cron's fire time, `agoMs` in the past (the app was down that long), and waits for its run to finish. */
async function fireCron(db: Database, executor: WorkflowExecutor, agoMs = 0) {
  const before = (await cronRuns(db)).length;
  await db
    .update(workflowJobs)
    .set({ dueAt: sql`now() - ${agoMs} * interval '1 millisecond'` })
    .where(and(eq(workflowJobs.kind, "cron"), eq(workflowJobs.functionId, cronId)));
  executor.wake();
  await waitFor(async () => {
    const runs = await cronRuns(db);
    return runs.length > before && runs.every((run) => run.status === "completed");
  }, "the cron's run");
}

/** A team whose marketer's digest is due whenever the test runs (every day, from midnight), with a task overdue. */
async function dueTeam(db: Database) {
  const team = await createTeam(db, { name: "Alpha" });
  await db
    .update(memberships)
    .set({ digestHour: 0, workingDays: [1, 2, 3, 4, 5, 6, 7] })
    .where(eq(memberships.workspaceId, team.workspace.id));
  await createTask(db, { workspaceId: team.workspace.id, assigneeId: team.marketer.id, title: "Book the venue", dueAt: new Date("2020-01-06T17:00:00Z") });
  return team;
}

const received = (to: string) => smtp.received.filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.text === to);

describe("digests on the executor", () => {
  test("a cron late after downtime sends today's digest once; firing again, or the same member and day again, sends nothing more", async ({ db }) => {
    const team = await dueTeam(db);
    const { executor, settle } = await start(db);

    // Down for two hours: eight ticks missed, one run.
    await fireCron(db, executor, 2 * 3_600_000);
    await settle();
    expect(await cronRuns(db)).toHaveLength(1);
    const [mail] = received(team.marketer.email);
    expect(received(team.marketer.email)).toHaveLength(1);
    expect(mail!.subject).toBe("Today's work in Alpha: 1 overdue");
    expect(mail!.text).toContain("- Book the venue, was due Mon, Jan 6, 2020, 5:00 PM");
    // The others had nothing to say: recorded, no email.
    const recorded = await db.select({ userId: digests.userId, emailKey: digests.emailKey }).from(digests);
    expect(recorded).toHaveLength(4);
    expect(recorded.filter((row) => row.emailKey !== null).map((row) => row.userId)).toEqual([team.marketer.id]);

    // The cron fires again (a second tick, another instance's schedule): nothing is due any more.
    await fireCron(db, executor);
    await settle();
    expect(await cronRuns(db)).toHaveLength(2);
    // The same member and day again under another event id (a redelivery from elsewhere): a run, and no second email.
    await executor.send({ name: "digest/daily.due", id: "another-id", data: { workspaceId: team.workspace.id, userId: team.marketer.id, period: todayIn("UTC") } });
    await settle();
    const dailyRuns = await db.select({ status: workflowRuns.status }).from(workflowRuns).where(eq(workflowRuns.functionId, dailyId));
    expect(dailyRuns.every((run) => run.status === "completed")).toBe(true);
    expect(received(team.marketer.email)).toHaveLength(1);
    expect(await db.select().from(outboxEmails).where(eq(outboxEmails.to, team.marketer.email))).toEqual([expect.objectContaining({ status: "sent" })]);
  });

  test("a member removed before their digest is sent gets nothing", async ({ db }) => {
    const team = await dueTeam(db);
    const { executor, settle } = await start(db);
    await fireCron(db, executor);
    // Found due and written to the outbox; removed before the run.
    await db.delete(memberships).where(and(eq(memberships.workspaceId, team.workspace.id), eq(memberships.userId, team.marketer.id)));
    await settle();
    const runs = await db.select({ output: workflowRuns.output }).from(workflowRuns).where(eq(workflowRuns.functionId, dailyId));
    expect(runs).toContainEqual({ output: { skipped: "no longer a member, or turned this digest off" } });
    expect(received(team.marketer.email)).toEqual([]);
    expect(await db.select().from(outboxEmails)).toEqual([]);
  });
});

describe.skipIf(!onPostgres)("digests raced on PostgreSQL", () => {
  test("two executors fire the same member's period at once, five rounds: one email each round", async ({ db }) => {
    // The run that finds the other's email being sent retries until it is sent: give a loaded machine time.
    const backoffMs = (attempt: number) => 250 * attempt;
    const { executor, relay } = await start(db, { backoffMs });
    const second = await app.startExecutor(db, { backoffMs });
    for (let round = 0; round < 5; round++) {
      const team = await dueTeam(db);
      const data = { workspaceId: team.workspace.id, userId: team.marketer.id, period: todayIn("UTC") };
      // Two instances, each with its own event for the same period, at the same moment.
      await Promise.all([
        executor.send({ name: "digest/daily.due", id: `first-${round}`, data }),
        second.send({ name: "digest/daily.due", id: `second-${round}`, data }),
      ]);
      // A run that found the other's email being sent retries shortly: wait for both to finish.
      await waitFor(async () => {
        await Promise.all([executor.drain(), second.drain()]);
        const runs = await db.select({ status: workflowRuns.status }).from(workflowRuns).where(eq(workflowRuns.functionId, dailyId));
        return runs.length === 2 * (round + 1) && runs.every((run) => run.status === "completed");
      }, "both runs to finish");
      await relay.deliverDue();
      expect(received(team.marketer.email)).toHaveLength(1);
      expect(await db.select().from(outboxEmails).where(eq(outboxEmails.to, team.marketer.email))).toHaveLength(1);
    }
    const failed = await db.select().from(workflowRuns).where(eq(workflowRuns.status, "failed"));
    expect(failed).toEqual([]);
  });

  test("two instances' searches for due digests at once write each member's period once, and one email goes out", async ({ db }) => {
    const team = await dueTeam(db);
    const { settle } = await start(db);
    const searches = await Promise.all([enqueueDueDigests(db), enqueueDueDigests(db), enqueueDueDigests(db)]);
    // Each search finds all four members; the outbox keeps one event per member and period.
    expect(searches.map((found) => found.daily)).toEqual([4, 4, 4]);
    expect(await db.select({ id: eventOutbox.id }).from(eventOutbox).where(eq(eventOutbox.name, "digest/daily.due"))).toHaveLength(4);
    await settle();
    expect(await db.select().from(workflowRuns).where(eq(workflowRuns.functionId, dailyId))).toHaveLength(4);
    expect(received(team.marketer.email)).toHaveLength(1);
  });
});
