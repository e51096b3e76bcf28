// The notification email function on the real SDK and the embedded executor,
// with a real SMTP server: a burst is one run and one email; its event delivered
// again starts nothing; a run that finds nothing pending sends nothing.
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect } from "vitest";
import type { Database } from "@/db";
import { createTeam } from "@/db/factories";
import { eventOutbox, notifications, outboxEmails, workflowRuns } from "@/db/schema";
import { test } from "@/db/test-db";
import { startSmtpServer, type TestSmtpServer } from "@/server/services/mail/test-smtp-server";
import { notify } from "@/server/services/notifications/notify";
import { type ServeApp, startServeApp } from "../executor/testing/serve-app";
import { waitFor } from "../executor/testing/wait-for";
import { createSendNotificationEmails } from "./send-notification-emails";

let app: ServeApp;
let smtp: TestSmtpServer;
let database: Database;

beforeEach(async () => {
  smtp = await startSmtpServer();
  app = await startServeApp("notify", (client) => [createSendNotificationEmails(client, { db: async () => database, mail: { smtpUrl: smtp.smtpUrl } })]);
});

afterEach(async () => {
  await app.close();
  await smtp.close();
});

/** Hands the outbox's events to the executor as the relay does: with their ids. */
async function relay(db: Database) {
  const events = await db.select().from(eventOutbox).where(eq(eventOutbox.name, "notification/email.queued"));
  await app.client.send(events.map((event) => ({ id: event.id, name: event.name, data: event.data })));
  return events;
}

const finished = (db: Database, count: number) =>
  waitFor(async () => {
    const runs = await db.select().from(workflowRuns).where(eq(workflowRuns.functionId, "notify-send-notification-emails"));
    return runs.length === count && runs.every((run) => run.status === "completed" || run.status === "failed") && runs;
  }, `${count} finished runs`);

describe("send-notification-emails", () => {
  test("three notifications close together are one run and one email; the event again and a run with nothing pending send nothing", async ({ db }) => {
    database = db;
    const team = await createTeam(db, { name: "Alpha" });
    for (const n of [1, 2, 3]) {
      await notify(db, {
        workspaceId: team.workspace.id,
        userId: team.marketer.id,
        kind: "mentioned",
        actorId: team.manager.id,
        title: `Manager mentioned you on “Post ${n}”`,
        link: `/tasks/post-${n}`,
        dedupeKey: `mention:${n}`,
      });
    }
    // The gathering minute has passed: the run sends at once.
    await db.update(notifications).set({ createdAt: sql`now() - interval '2 minutes'` }).where(eq(notifications.userId, team.marketer.id));
    await app.startExecutor(db);
    const events = await relay(db);
    expect(events).toHaveLength(1);

    const [run] = await finished(db, 1);
    expect(run!.status).toBe("completed");
    expect(run!.output).toEqual({ sent: true, subject: "3 new notifications in Alpha" });
    await waitFor(async () => smtp.received.length === 1, "the email");
    expect(smtp.received[0]!.to).toMatchObject({ text: team.marketer.email });
    expect(smtp.received[0]!.text).toContain("http://crescendo.test/tasks/post-2");

    // Delivered again (a relay that died before marking it): the same event id starts no run.
    await relay(db);
    // A run for a batch that was already sent with the others finds nothing.
    await app.client.send({ id: "notification-email-late", name: "notification/email.queued", data: { workspaceId: team.workspace.id, userId: team.marketer.id, batchId: team.marketer.id } });
    const runs = await finished(db, 2);
    expect(runs.map((r) => r.output)).toContainEqual({ sent: false });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received).toHaveLength(1);
    expect(await db.select().from(workflowRuns)).toHaveLength(2);
    expect(await db.select({ status: outboxEmails.status }).from(outboxEmails)).toEqual([{ status: "sent" }]);
  });
});
