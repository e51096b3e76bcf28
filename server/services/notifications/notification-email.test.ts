import { and, eq, sql } from "drizzle-orm";
import { describe, expect, inject } from "vitest";
import type { Database } from "@/db";
import { createTask, createTeam } from "@/db/factories";
import { eventOutbox, memberships, notificationPreferences, notifications, outboxEmails, tasks } from "@/db/schema";
import { test } from "@/db/test-db";
import { claimNotificationEmail, type NotificationEmailRun, planNotificationEmail } from "./notification-email";
import { notify, type NotifyInput } from "./notify";

type Team = Awaited<ReturnType<typeof createTeam>>;

const assigned = (team: Team, n: number): NotifyInput => ({
  workspaceId: team.workspace.id,
  userId: team.marketer.id,
  kind: "assigned",
  actorId: team.manager.id,
  title: `Manager assigned you “Task ${n}”`,
  link: `/tasks/00000000-0000-4000-8000-00000000000${n}`,
  dedupeKey: `assigned:${team.workspace.id}:${n}`,
});

/** The runs notify started: the outbox's notification events. */
async function queued(db: Database): Promise<NotificationEmailRun[]> {
  const rows = await db.select().from(eventOutbox).where(eq(eventOutbox.name, "notification/email.queued"));
  return rows.map((row) => ({ workspaceId: String(row.data.workspaceId), userId: String(row.data.userId), eventId: row.id }));
}

/** Makes what is pending old enough to go out now (the gathering minute has passed). */
const age = (db: Database) => db.update(notifications).set({ createdAt: sql`now() - interval '5 minutes'` }).where(eq(notifications.emailState, "pending"));

describe("notification emails", () => {
  test("a burst starts one run, which sends one email listing all of it, with full links and the preferences", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha" });
    for (const n of [1, 2, 3]) await notify(db, assigned(team, n));
    const runs = await queued(db);
    expect(runs).toHaveLength(1);

    await age(db);
    const sendAt = await planNotificationEmail(db, runs[0]!);
    expect(Date.parse(sendAt!)).toBeLessThanOrEqual(Date.now());
    const email = await claimNotificationEmail(db, runs[0]!, { smtpUrl: null });
    expect(email).toMatchObject({ to: team.marketer.email, subject: "3 new notifications in Alpha" });
    expect(email!.text).toContain("- Manager assigned you “Task 1”");
    expect(email!.text).toContain("http://crescendo.test/tasks/00000000-0000-4000-8000-000000000003");
    expect(email!.text).toContain("http://crescendo.test/account");
    expect(await db.select({ state: notifications.emailState }).from(notifications)).toEqual(Array(3).fill({ state: "sent" }));
    expect(await db.select({ key: outboxEmails.idempotencyKey }).from(outboxEmails)).toHaveLength(1);

    // The step run again finds its own email; another run finds nothing to send.
    expect(await claimNotificationEmail(db, runs[0]!, { smtpUrl: null })).toEqual(email);
    expect(await claimNotificationEmail(db, { ...runs[0]!, eventId: "notification-email-another" }, { smtpUrl: null })).toBeNull();
    const now = new Date();
    expect(await planNotificationEmail(db, { ...runs[0]!, eventId: "notification-email-another", now })).toBe(now.toISOString());
    expect(await db.select().from(outboxEmails)).toHaveLength(1);
  });

  test("what went stale while the email waited is left out: read in the app, or a reminder of a task done since", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha" });
    const [open, finished] = await Promise.all(["Open task", "Finished task"].map((title) => createTask(db, { workspaceId: team.workspace.id, title, assigneeId: team.marketer.id })));
    const reminder = (task: { id: string; title: string }): NotifyInput => ({
      workspaceId: team.workspace.id,
      userId: team.marketer.id,
      kind: "due_soon",
      actorId: null,
      taskId: task.id,
      title: `“${task.title}” is due soon`,
      link: `/tasks/${task.id}`,
      dedupeKey: `reminder:${task.id}`,
    });
    await notify(db, reminder(open!));
    await notify(db, reminder(finished!));
    await notify(db, assigned(team, 1));
    await notify(db, assigned(team, 2));
    await db.update(tasks).set({ status: "done" }).where(eq(tasks.id, finished!.id));
    await db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.dedupeKey, `assigned:${team.workspace.id}:2`));
    const [run] = await queued(db);
    await age(db);

    const email = await claimNotificationEmail(db, run!, { smtpUrl: null });
    expect(email!.subject).toBe("2 new notifications in Alpha");
    expect(email!.text).toContain("“Open task” is due soon");
    expect(email!.text).toContain("Manager assigned you “Task 1”");
    expect(email!.text).not.toContain("Finished task");
    expect(email!.text).not.toContain("Task 2");
    const states = await db.select({ title: notifications.title, state: notifications.emailState }).from(notifications).orderBy(notifications.title);
    expect(states).toEqual([
      { title: "Manager assigned you “Task 1”", state: "sent" },
      { title: "Manager assigned you “Task 2”", state: "none" },
      { title: "“Finished task” is due soon", state: "none" },
      { title: "“Open task” is due soon", state: "sent" },
    ]);
  });

  test("a notification after the claim starts the next run, which waits 15 minutes after the last email", async ({ db }) => {
    const team = await createTeam(db);
    await notify(db, assigned(team, 1));
    const [first] = await queued(db);
    await age(db);
    await claimNotificationEmail(db, first!, { smtpUrl: null });

    await notify(db, assigned(team, 2));
    const runs = await queued(db);
    expect(runs).toHaveLength(2);
    const second = runs.find((run) => run.eventId !== first!.eventId)!;
    const sendAt = Date.parse((await planNotificationEmail(db, second))!);
    expect(sendAt - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(sendAt - Date.now()).toBeLessThanOrEqual(15 * 60_000);
  });

  test("a run whose notifications went with their task frees the member's schedule for the next one", async ({ db }) => {
    const team = await createTeam(db);
    await notify(db, assigned(team, 1));
    const [run] = await queued(db);
    await db.delete(notifications).where(eq(notifications.userId, team.marketer.id));
    expect(await claimNotificationEmail(db, run!, { smtpUrl: null })).toBeNull();
    await notify(db, assigned(team, 2));
    expect(await queued(db)).toHaveLength(2);
  });

  test("only kinds the member wants by email start a run", async ({ db }) => {
    const team = await createTeam(db);
    await db.insert(notificationPreferences).values({ workspaceId: team.workspace.id, userId: team.marketer.id, kind: "assigned", channel: "in_app" });
    await notify(db, assigned(team, 1));
    await notify(db, { ...assigned(team, 2), kind: "dependency_done" });
    expect(await queued(db)).toEqual([]);
  });

  test("quiet hours hold the email until they end in the member's zone", async ({ db }) => {
    const team = await createTeam(db);
    await db
      .update(memberships)
      .set({ quietHoursStart: "22:00", quietHoursEnd: "07:00", timeZone: "Asia/Tokyo" })
      .where(and(eq(memberships.workspaceId, team.workspace.id), eq(memberships.userId, team.marketer.id)));
    await notify(db, assigned(team, 1));
    const [run] = await queued(db);
    // 23:30 in Tokyo: the email waits for 07:00 there, 22:00 UTC.
    await db.update(notifications).set({ createdAt: new Date("2026-12-10T14:00:00Z") }).where(eq(notifications.userId, team.marketer.id));
    expect(await planNotificationEmail(db, { ...run!, now: new Date("2026-12-10T14:30:00Z") })).toBe("2026-12-10T22:00:00.000Z");
  });
});

describe.skipIf(inject("testDatabaseTemplate").kind !== "postgres")("notification emails on PostgreSQL", () => {
  test("two runs claiming one member's notifications at once send them in one email", async ({ db }) => {
    const team = await createTeam(db);
    for (let round = 0; round < 5; round++) {
      await notify(db, assigned(team, round));
      const [run] = (await queued(db)).filter((r) => !r.eventId.endsWith("-used"));
      await age(db);
      const claims = await Promise.all([
        claimNotificationEmail(db, run!, { smtpUrl: null }),
        claimNotificationEmail(db, { ...run!, eventId: `${run!.eventId}-second` }, { smtpUrl: null }),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      await db.update(eventOutbox).set({ id: sql`${eventOutbox.id} || '-used'` }).where(eq(eventOutbox.id, run!.eventId));
    }
    expect(await db.select().from(outboxEmails)).toHaveLength(5);
  });
});
