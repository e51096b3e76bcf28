import { and, eq } from "drizzle-orm";
import { describe, expect, inject } from "vitest";
import type { Database } from "@/db";
import { createTask, createTeam } from "@/db/factories";
import { memberships, notifications } from "@/db/schema";
import { test } from "@/db/test-db";
import { snapshotDatabase } from "@/db/test-snapshot";
import { type Caller, callError, callerFor, fieldErrorsOf } from "@/server/api/test-caller";

type Team = Awaited<ReturnType<typeof createTeam>>;

async function callers(db: Database, team: Team) {
  return { manager: await callerFor(db, team.manager), marketer: await callerFor(db, team.marketer), admin: await callerFor(db, team.admin) };
}

const titles = async (caller: Caller) => (await caller.notification.list({})).notifications.map((notification) => notification.title);

describe("notifications from the board", () => {
  test("a task created for someone else, or handed to them, tells them; one's own doing tells no one", async ({ db }) => {
    const team = await createTeam(db);
    const { manager, marketer } = await callers(db, team);
    const { task } = await manager.task.create({ title: "Draft the launch email", assigneeId: team.marketer.id });
    expect(await titles(marketer)).toEqual([`${team.manager.name} assigned you “Draft the launch email”`]);
    expect(await marketer.notification.unreadCount()).toBe(1);
    const [notification] = (await marketer.notification.list({})).notifications;
    expect(notification!.link).toBe(`/tasks/${task.id}`);

    await manager.task.create({ title: "Mine", assigneeId: team.manager.id });
    await manager.task.update({ taskId: task.id, title: "Draft the launch email (v2)" });
    expect(await manager.notification.unreadCount()).toBe(0);
    expect(await marketer.notification.unreadCount()).toBe(1);

    await manager.task.update({ taskId: task.id, assigneeId: team.admin.id });
    await manager.task.update({ taskId: task.id, assigneeId: team.marketer.id });
    expect(await marketer.notification.unreadCount()).toBe(2);
    expect(await titles(await callerFor(db, team.admin))).toEqual([`${team.manager.name} assigned you “Draft the launch email (v2)”`]);
  });

  test("automatic assignment tells whoever it picked", async ({ db }) => {
    const team = await createTeam(db);
    await db.update(memberships).set({ skills: ["copywriting"] }).where(and(eq(memberships.workspaceId, team.workspace.id), eq(memberships.userId, team.marketer.id)));
    const task = await createTask(db, { workspaceId: team.workspace.id, title: "Write the teaser", requiredSkills: ["copywriting"] });
    const { manager, marketer } = await callers(db, team);
    await manager.assignment.assignTask({ taskId: task.id });
    expect(await titles(marketer)).toEqual([`“Write the teaser” was assigned to you automatically by ${team.manager.name}`]);
  });

  test("a comment tells each member it mentions, once", async ({ db }) => {
    const team = await createTeam(db);
    const task = await createTask(db, { workspaceId: team.workspace.id, title: "Pick the hero image" });
    const { manager, marketer, admin } = await callers(db, team);
    await marketer.task.comment({ taskId: task.id, body: `@[${team.manager.id}] and @[${team.admin.id}], which one? (@[${team.marketer.id}] likes the blue)` });
    expect(await titles(manager)).toEqual([`${team.marketer.name} mentioned you on “Pick the hero image”`]);
    expect(await titles(admin)).toEqual([`${team.marketer.name} mentioned you on “Pick the hero image”`]);
    expect(await marketer.notification.unreadCount()).toBe(0);
  });

  test("finishing the last task another waits on tells its assignee they can start", async ({ db }) => {
    const team = await createTeam(db);
    const { manager, marketer } = await callers(db, team);
    const brief = await createTask(db, { workspaceId: team.workspace.id, title: "Brief", assigneeId: team.manager.id });
    const design = await createTask(db, { workspaceId: team.workspace.id, title: "Design", assigneeId: team.manager.id });
    const { task: post } = await manager.task.create({ title: "Post", dependsOnIds: [brief.id, design.id] });
    await manager.task.update({ taskId: post.id, assigneeId: team.marketer.id });
    await marketer.notification.markAllRead();

    await manager.task.move({ taskId: brief.id, status: "done", afterTaskId: null });
    expect(await marketer.notification.unreadCount()).toBe(0);
    await manager.task.move({ taskId: design.id, status: "done", afterTaskId: null });
    expect(await titles(marketer)).toEqual(["You can start “Post”: “Design” is done", `${team.manager.name} assigned you “Post”`]);
  });
});

describe("notification router", () => {
  test("marks one read, then all; someone else's is NOT_FOUND and stays unread", async ({ db }) => {
    const team = await createTeam(db);
    const { manager, marketer, admin } = await callers(db, team);
    await manager.task.create({ title: "One", assigneeId: team.marketer.id });
    await manager.task.create({ title: "Two", assigneeId: team.marketer.id });
    await manager.task.create({ title: "Three", assigneeId: team.admin.id });
    const [newest] = (await marketer.notification.list({})).notifications;

    const before = await snapshotDatabase(db);
    const error = await callError(admin.notification.markRead({ notificationId: newest!.id }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe("That notification is not one of yours. It may have been removed with its task.");
    expect(await snapshotDatabase(db)).toEqual(before);

    expect((await marketer.notification.markRead({ notificationId: newest!.id })).readAt).toBeInstanceOf(Date);
    expect(await marketer.notification.unreadCount()).toBe(1);
    expect(await marketer.notification.markAllRead()).toEqual({ marked: 1 });
    expect(await marketer.notification.unreadCount()).toBe(0);
    expect(await admin.notification.unreadCount()).toBe(1);
  });

  test("lists newest first, a page at a time", async ({ db }) => {
    const team = await createTeam(db);
    const { manager, marketer } = await callers(db, team);
    for (const title of ["A", "B", "C"]) await manager.task.create({ title, assigneeId: team.marketer.id });
    const first = await marketer.notification.list({ limit: 2 });
    expect(first.notifications.map((n) => n.title)).toEqual([`${team.manager.name} assigned you “C”`, `${team.manager.name} assigned you “B”`]);
    const second = await marketer.notification.list({ limit: 2, cursor: first.nextCursor! });
    expect(second).toEqual({ notifications: [expect.objectContaining({ title: `${team.manager.name} assigned you “A”` })], nextCursor: null });
  });

  test("preferences: defaults per kind, saved choices, and None for assigned means the next assignment notifies no one", async ({ db }) => {
    const team = await createTeam(db);
    const { manager, marketer } = await callers(db, team);
    const defaults = await marketer.notification.preferences();
    expect(defaults).toMatchObject({ quietHoursStart: null, quietHoursEnd: null, digestHour: 8, dailyDigest: true, weeklyDigest: true });
    expect(defaults.channels.find((c) => c.kind === "assigned")).toEqual({ kind: "assigned", channel: "both", isDefault: true });
    expect(defaults.channels.find((c) => c.kind === "due_soon")).toEqual({ kind: "due_soon", channel: "both", isDefault: true });

    const saved = await marketer.notification.updatePreferences({
      channels: [{ kind: "assigned", channel: "none" }, { kind: "mentioned", channel: "email" }],
      quietHoursStart: "22:00",
      quietHoursEnd: "07:00",
      digestHour: 9,
      dailyDigest: false,
      weeklyDigest: true,
    });
    expect(saved).toMatchObject({ quietHoursStart: "22:00", quietHoursEnd: "07:00", digestHour: 9, dailyDigest: false, weeklyDigest: true });
    expect(saved.channels.find((c) => c.kind === "assigned")).toEqual({ kind: "assigned", channel: "none", isDefault: false });

    await manager.task.create({ title: "Quiet one", assigneeId: team.marketer.id });
    expect(await db.select().from(notifications)).toEqual([]);
    // Other kinds and other members are untouched.
    expect((await manager.notification.preferences()).channels.every((c) => c.isDefault)).toBe(true);
  });

  test.for([
    ["an unknown kind", { channels: [{ kind: "birthday", channel: "email" }] }, "channels"],
    ["an unknown channel", { channels: [{ kind: "assigned", channel: "pigeon" }] }, "channels"],
    ["quiet hours that are not a time", { quietHoursStart: "25:00", quietHoursEnd: "07:00" }, "quietHoursStart"],
    ["quiet hours with words", { quietHoursStart: "22:00", quietHoursEnd: "morning" }, "quietHoursEnd"],
    ["only one end of quiet hours", { quietHoursStart: "22:00", quietHoursEnd: null }, "quietHoursEnd"],
    ["a digest hour past 23", { digestHour: 24 }, "digestHour"],
    ["a negative digest hour", { digestHour: -1 }, "digestHour"],
    ["a digest switch that is not on or off", { dailyDigest: "sometimes" }, "dailyDigest"],
  ])("preferences with %s: a message by the field, nothing written", async ([, bad, field], { db }) => {
    const team = await createTeam(db);
    const marketer = await callerFor(db, team.marketer);
    const before = await snapshotDatabase(db);
    const input = { channels: [{ kind: "mentioned", channel: "none" }], quietHoursStart: null, quietHoursEnd: null, digestHour: 8, dailyDigest: true, weeklyDigest: true, ...(bad as object) };
    const error = await callError(marketer.notification.updatePreferences(input as never));
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(error)?.[field as string]?.[0]).toMatch(/\w/);
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe.skipIf(inject("testDatabaseTemplate").kind !== "postgres")("notification races on PostgreSQL", () => {
  test("one person marking read on two devices and marking all at once: every call answers, everything ends read", async ({ db }) => {
    const team = await createTeam(db);
    const manager = await callerFor(db, team.manager);
    const [phone, laptop] = [await callerFor(db, team.marketer), await callerFor(db, team.marketer)];
    for (let round = 0; round < 10; round++) await manager.task.create({ title: `Round ${round}`, assigneeId: team.marketer.id });
    const list = (await phone.notification.list({})).notifications;
    await Promise.all([
      ...list.map((n) => phone.notification.markRead({ notificationId: n.id })),
      ...list.map((n) => laptop.notification.markRead({ notificationId: n.id })),
      laptop.notification.markAllRead(),
    ]);
    expect(await phone.notification.unreadCount()).toBe(0);
  });
});
