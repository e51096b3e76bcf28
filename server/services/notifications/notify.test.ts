import { and, eq } from "drizzle-orm";
import { describe, expect, inject } from "vitest";
import type { Database } from "@/db";
import { addMember, createTask, createTeam, createUser } from "@/db/factories";
import { eventOutbox, memberships, notificationPreferences, notifications, tasks } from "@/db/schema";
import { test } from "@/db/test-db";
import { countUnreadNotifications, listNotifications } from "./list-notifications";
import { notify, notifyMany, type NotifyInput } from "./notify";

type Team = Awaited<ReturnType<typeof createTeam>>;

function assignment(team: Team, overrides: Partial<NotifyInput> = {}): NotifyInput {
  return {
    workspaceId: team.workspace.id,
    userId: team.marketer.id,
    kind: "assigned",
    actorId: team.manager.id,
    title: "Manager assigned you “Draft the launch email”",
    link: "/tasks",
    dedupeKey: `assigned:${team.workspace.id}:1`,
    ...overrides,
  };
}

const rows = (db: Database) =>
  db.select({ userId: notifications.userId, kind: notifications.kind, inApp: notifications.inApp, emailState: notifications.emailState }).from(notifications);

describe("notify", () => {
  test("creates one notification with the kind's default channels; the same key again creates nothing", async ({ db }) => {
    const team = await createTeam(db);
    const id = await notify(db, assignment(team));
    expect(id).toEqual(expect.any(String));
    expect(await notify(db, assignment(team, { title: "Said again" }))).toBeNull();
    expect(await rows(db)).toEqual([{ userId: team.marketer.id, kind: "assigned", inApp: true, emailState: "pending" }]);
    expect(await countUnreadNotifications(db, { workspaceId: team.workspace.id, actorId: team.marketer.id })).toBe(1);
    expect((await listNotifications(db, { workspaceId: team.workspace.id, actorId: team.marketer.id })).notifications).toEqual([
      expect.objectContaining({ id, title: "Manager assigned you “Draft the launch email”", link: "/tasks", readAt: null }),
    ]);
  });

  test("a kind that helps plan stays in the app unless the member chose email", async ({ db }) => {
    const team = await createTeam(db);
    await notify(db, assignment(team, { kind: "dependency_done", dedupeKey: "dep:1" }));
    expect(await rows(db)).toEqual([{ userId: team.marketer.id, kind: "dependency_done", inApp: true, emailState: "none" }]);
  });

  test("follows the member's preference: email only is not in the bell, None creates nothing", async ({ db }) => {
    const team = await createTeam(db);
    await db.insert(notificationPreferences).values([
      { workspaceId: team.workspace.id, userId: team.marketer.id, kind: "assigned", channel: "email" },
      { workspaceId: team.workspace.id, userId: team.marketer.id, kind: "mentioned", channel: "none" },
    ]);
    await notify(db, assignment(team));
    expect(await notify(db, assignment(team, { kind: "mentioned", dedupeKey: "mention:1" }))).toBeNull();
    expect(await rows(db)).toEqual([{ userId: team.marketer.id, kind: "assigned", inApp: false, emailState: "pending" }]);
    expect(await countUnreadNotifications(db, { workspaceId: team.workspace.id, actorId: team.marketer.id })).toBe(0);
  });

  test("never tells members of their own doing, nor people who are not (or no longer) members", async ({ db }) => {
    const team = await createTeam(db);
    const outsider = await createUser(db);
    expect(await notify(db, assignment(team, { userId: team.manager.id }))).toBeNull();
    expect(await notify(db, assignment(team, { userId: outsider.id, dedupeKey: "k2" }))).toBeNull();
    await db.delete(memberships).where(and(eq(memberships.workspaceId, team.workspace.id), eq(memberships.userId, team.marketer.id)));
    expect(await notify(db, assignment(team, { dedupeKey: "k3" }))).toBeNull();
    expect(await rows(db)).toEqual([]);
  });

  test("a reminder without an actor reaches the member; the notification goes with its task", async ({ db }) => {
    const team = await createTeam(db);
    const task = await createTask(db, { workspaceId: team.workspace.id, assigneeId: team.marketer.id });
    await notify(db, assignment(team, { kind: "overdue", actorId: null, taskId: task.id, dedupeKey: `overdue:${task.id}` }));
    expect(await rows(db)).toHaveLength(1);
    await db.delete(tasks).where(eq(tasks.id, task.id));
    expect(await rows(db)).toEqual([]);
  });

  test("a member of two workspaces sees each workspace's notifications in that workspace only", async ({ db }) => {
    const [alpha, beta] = [await createTeam(db), await createTeam(db)];
    await addMember(db, { workspaceId: beta.workspace.id, userId: alpha.marketer.id, role: "marketer" });
    await notify(db, assignment(alpha));
    await notify(db, assignment(beta, { userId: alpha.marketer.id, dedupeKey: "beta:1" }));
    await notify(db, assignment(beta, { userId: alpha.marketer.id, dedupeKey: "beta:2" }));
    expect(await countUnreadNotifications(db, { workspaceId: alpha.workspace.id, actorId: alpha.marketer.id })).toBe(1);
    expect(await countUnreadNotifications(db, { workspaceId: beta.workspace.id, actorId: alpha.marketer.id })).toBe(2);
  });
});

describe("notifyMany", () => {
  test("a batch follows each member's preference, skips the actor and outsiders, and starts one email run per member", async ({ db }) => {
    const team = await createTeam(db);
    const outsider = await createUser(db);
    await db.insert(notificationPreferences).values({ workspaceId: team.workspace.id, userId: team.admin.id, kind: "assigned", channel: "in_app" });
    const created = await notifyMany(db, [
      assignment(team, { dedupeKey: "b:1" }),
      assignment(team, { dedupeKey: "b:2" }),
      assignment(team, { dedupeKey: "b:3", userId: team.admin.id }),
      assignment(team, { dedupeKey: "b:4", userId: team.manager.id }),
      assignment(team, { dedupeKey: "b:5", userId: outsider.id }),
    ]);
    expect(created.map((row) => row.dedupeKey).sort()).toEqual(["b:1", "b:2", "b:3"]);
    expect(await notifyMany(db, [assignment(team, { dedupeKey: "b:1" })])).toEqual([]);
    expect(await rows(db)).toHaveLength(3);
    const events = await db.select({ data: eventOutbox.data }).from(eventOutbox);
    expect(events.map((event) => event.data.userId)).toEqual([team.marketer.id]);
  });
});

describe.skipIf(inject("testDatabaseTemplate").kind !== "postgres")("notify on PostgreSQL", () => {
  test("two transactions notifying with one key at once create one notification", async ({ db }) => {
    const team = await createTeam(db);
    for (let round = 0; round < 10; round++) {
      const input = assignment(team, { dedupeKey: `race:${round}` });
      const results = await Promise.all([db.transaction((tx) => notify(tx, input)), db.transaction((tx) => notify(tx, input))]);
      expect(results.filter((id) => id !== null)).toHaveLength(1);
    }
    expect(await rows(db)).toHaveLength(10);
  });
});
