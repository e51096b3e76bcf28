import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db";
import { addMember, createCampaign, createTask, createTeam, createUser } from "@/db/factories";
import { auditLog, memberships, tasks, timeOff, users } from "@/db/schema";
import { test } from "@/db/test-db";
import { snapshotDatabase } from "@/db/test-snapshot";
import { callError, callerFor } from "@/server/api/test-caller";

// Monday 14 December 2026; the workspace plans in UTC with no holidays.
const MONDAY = "2026-12-14";
const due = (day: string, time = "15:00") => new Date(`${day}T${time}:00Z`);

type Team = Awaited<ReturnType<typeof createTeam>>;

/** A marketer of `team` with these skills and weekly hours. */
async function member(db: Database, team: Team, name: string, profile: { skills?: string[]; weeklyCapacityHours?: number; role?: "marketer" | "manager" | "viewer" } = {}) {
  const user = await createUser(db, { name });
  await addMember(db, { workspaceId: team.workspace.id, userId: user.id, role: profile.role ?? "marketer" });
  await db
    .update(memberships)
    .set({ skills: profile.skills ?? [], weeklyCapacityHours: profile.weeklyCapacityHours ?? 40 })
    .where(and(eq(memberships.workspaceId, team.workspace.id), eq(memberships.userId, user.id)));
  return user;
}

/** A team whose own cast (admin, manager, marketer, viewer) has no skills, so only the members a test adds fit. */
async function planningTeam(db: Database) {
  const team = await createTeam(db);
  const campaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.manager.id });
  return { team, campaign, marketer: await callerFor(db, team.marketer) };
}

describe("auto-assignment", () => {
  test("picks the one member with every required skill, stores and audits the reason", async ({ db }) => {
    const { team, campaign, marketer } = await planningTeam(db);
    const priya = await member(db, team, "Priya Shah", { skills: ["copywriting", "design"] });
    await member(db, team, "Sam Copy", { skills: ["copywriting"], weeklyCapacityHours: 80 });
    const task = await createTask(db, { workspaceId: team.workspace.id, campaignId: campaign.id, requiredSkills: ["copywriting", "design"], estimateHours: 4, dueAt: due("2026-12-17") });
    await createTask(db, { workspaceId: team.workspace.id, assigneeId: priya.id, estimateHours: 28, dueAt: due("2026-12-15") });

    const assigned = await marketer.assignment.assignTask({ taskId: task.id });
    expect(assigned).toEqual({
      taskId: task.id,
      title: task.title,
      assigneeId: priya.id,
      assigneeName: "Priya Shah",
      reason: "Priya Shah: has copywriting and design, 12 h free in the week of Dec 14",
    });
    const [row] = await db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row).toMatchObject({ assigneeId: priya.id, assignmentReason: assigned.reason });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityId, task.id));
    expect(entry).toMatchObject({
      actorId: team.marketer.id,
      entityType: "task",
      campaignId: campaign.id,
      action: "assigned_automatically",
      after: { assigneeId: priya.id, assignmentReason: assigned.reason },
    });
  });

  test("the reason is written in the actor's language: 14 Dec for a British English reader", async ({ db }) => {
    const { team, campaign, marketer } = await planningTeam(db);
    await db.update(users).set({ locale: "en-GB" }).where(eq(users.id, team.marketer.id));
    await member(db, team, "Priya Shah", { skills: ["copywriting"], weeklyCapacityHours: 37 });
    const task = await createTask(db, { workspaceId: team.workspace.id, campaignId: campaign.id, requiredSkills: ["copywriting"], estimateHours: 1, dueAt: due(MONDAY) });
    expect((await marketer.assignment.assignTask({ taskId: task.id })).reason).toBe("Priya Shah: has copywriting, 37 h free in the week of 14 Dec");
  });

  test("time off around the due date (the due day in the member's zone and their working day before) rules a member out", async ({ db }) => {
    const { team, campaign, marketer } = await planningTeam(db);
    const roomy = await member(db, team, "Ana Roomy", { skills: ["video"], weeklyCapacityHours: 60 });
    const busy = await member(db, team, "Ben Busy", { skills: ["video"], weeklyCapacityHours: 20 });
    // Off on Friday 11th: the working day before a task due on Monday 14th.
    await db.insert(timeOff).values({ workspaceId: team.workspace.id, userId: roomy.id, startDate: "2026-12-11", endDate: "2026-12-11" });
    const monday = await createTask(db, { workspaceId: team.workspace.id, campaignId: campaign.id, requiredSkills: ["video"], dueAt: due(MONDAY, "09:00") });
    expect((await marketer.assignment.assignTask({ taskId: monday.id })).assigneeId).toBe(busy.id);

    // Due Wednesday 01:00 UTC, which is still Tuesday 15th in Los Angeles, when Ana is off.
    await db.update(memberships).set({ timeZone: "America/Los_Angeles" }).where(eq(memberships.userId, roomy.id));
    await db.insert(timeOff).values({ workspaceId: team.workspace.id, userId: roomy.id, startDate: "2026-12-15", endDate: "2026-12-15" });
    const early = await createTask(db, { workspaceId: team.workspace.id, campaignId: campaign.id, requiredSkills: ["video"], dueAt: due("2026-12-16", "01:00") });
    expect((await marketer.assignment.assignTask({ taskId: early.id })).assigneeId).toBe(busy.id);
    // Thursday 17th: Wednesday, the day before, and the day itself are working days she is in.
    const later = await createTask(db, { workspaceId: team.workspace.id, campaignId: campaign.id, requiredSkills: ["video"], dueAt: due("2026-12-17") });
    expect((await marketer.assignment.assignTask({ taskId: later.id })).assigneeId).toBe(roomy.id);
  });

  test("a campaign batch spreads the load, counts what it gave out, breaks ties by open tasks then name, and reports what no one fits", async ({ db }) => {
    const { team, campaign, marketer } = await planningTeam(db);
    await member(db, team, "Zoe Writer", { skills: ["copywriting"], weeklyCapacityHours: 20 });
    await member(db, team, "Adam Writer", { skills: ["copywriting"], weeklyCapacityHours: 20 });
    const max = await member(db, team, "Max Writer", { skills: ["copywriting"], weeklyCapacityHours: 20 });
    // Max already has an open task in another week: with equal free hours, the others go first.
    await createTask(db, { workspaceId: team.workspace.id, assigneeId: max.id, estimateHours: 1, dueAt: due("2027-03-01") });
    const batch = [];
    for (let i = 0; i < 7; i++) {
      batch.push(await createTask(db, { workspaceId: team.workspace.id, campaignId: campaign.id, title: `Copy ${i}`, requiredSkills: ["copywriting"], estimateHours: 8, dueAt: due("2026-12-16", `0${i}:00`) }));
    }
    const video = await createTask(db, { workspaceId: team.workspace.id, campaignId: campaign.id, title: "Teaser video", requiredSkills: ["video"], dueAt: due("2026-12-20") });
    const done = await createTask(db, { workspaceId: team.workspace.id, campaignId: campaign.id, status: "done", requiredSkills: ["copywriting"] });
    const other = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.manager.id });
    const elsewhere = await createTask(db, { workspaceId: team.workspace.id, campaignId: other.id, requiredSkills: ["copywriting"] });

    const result = await marketer.assignment.assignCampaign({ campaignId: campaign.id });
    // Earliest due first: Adam (20 h free, no open tasks, A before Z), Zoe, Max (he had one open task);
    // then 12 h free each, and Max one open task more than the others.
    expect(result.assigned.map((task) => [task.title, task.assigneeName, task.reason])).toEqual([
      ["Copy 0", "Adam Writer", "Adam Writer: has copywriting, 20 h free in the week of Dec 14"],
      ["Copy 1", "Zoe Writer", "Zoe Writer: has copywriting, 20 h free in the week of Dec 14"],
      ["Copy 2", "Max Writer", "Max Writer: has copywriting, 20 h free in the week of Dec 14"],
      ["Copy 3", "Adam Writer", "Adam Writer: has copywriting, 12 h free in the week of Dec 14"],
      ["Copy 4", "Zoe Writer", "Zoe Writer: has copywriting, 12 h free in the week of Dec 14"],
      ["Copy 5", "Max Writer", "Max Writer: has copywriting, 12 h free in the week of Dec 14"],
    ]);
    expect(result.unassigned).toEqual([
      { taskId: batch[6]!.id, title: "Copy 6", reason: "Everyone with copywriting is full in the week of Dec 14" },
      { taskId: video.id, title: "Teaser video", reason: "No one has the skill video" },
    ]);
    const untouched = await db.select({ assigneeId: tasks.assigneeId }).from(tasks).where(eq(tasks.id, done.id));
    expect(untouched).toEqual([{ assigneeId: null }]);
    expect((await db.select({ assigneeId: tasks.assigneeId }).from(tasks).where(eq(tasks.id, elsewhere.id)))[0]!.assigneeId).toBeNull();
    // A second run finds only what no one fits, and changes nothing.
    expect((await marketer.assignment.assignCampaign({ campaignId: campaign.id })).assigned).toEqual([]);
  });

  test("refusals say why, word for word, and change nothing", async ({ db }) => {
    const { team, campaign, marketer } = await planningTeam(db);
    const writer = await member(db, team, "Wes Writer", { skills: ["copywriting", "video"], weeklyCapacityHours: 10 });
    await member(db, team, "Vic Viewer", { skills: ["seo"], role: "viewer" });
    await db.insert(timeOff).values({ workspaceId: team.workspace.id, userId: writer.id, startDate: "2026-12-21", endDate: "2026-12-24" });
    await createTask(db, { workspaceId: team.workspace.id, assigneeId: writer.id, estimateHours: 6, dueAt: due("2026-12-15") });
    const task = (skills: string[], dueDay: string, estimateHours = 2) =>
      createTask(db, { workspaceId: team.workspace.id, campaignId: campaign.id, requiredSkills: skills, estimateHours, dueAt: due(dueDay) });
    const cases: [Promise<{ id: string }>, string][] = [
      [task(["seo"], MONDAY), "No one has the skill seo."],
      [task(["seo", "events"], MONDAY), "No one has the skills seo and events."],
      [task(["video"], "2026-12-23"), "Everyone with video is away around Dec 23."],
      [task(["copywriting"], "2026-12-16", 5), "Everyone with copywriting is full in the week of Dec 14."],
    ];
    const before = await snapshotDatabase(db);
    for (const [created, message] of cases) {
      const error = await callError(marketer.assignment.assignTask({ taskId: (await created).id }));
      expect(error).toMatchObject({ code: "CONFLICT", message });
    }
    const after = await snapshotDatabase(db);
    expect(after.audit_log).toEqual(before.audit_log);
    expect(after.tasks!.filter((row) => row.assigneeId !== null)).toHaveLength(1);
  });

  test("roles and workspaces: viewers can't assign; an assigned or another workspace's task is refused; other workspaces' members are never picked", async ({ db }) => {
    const { team, campaign, marketer } = await planningTeam(db);
    const other = await createTeam(db);
    const outsider = await createUser(db, { name: "Olga Outside" });
    await addMember(db, { workspaceId: other.workspace.id, userId: outsider.id, role: "marketer" });
    await db.update(memberships).set({ skills: ["events"] }).where(eq(memberships.userId, outsider.id));
    const task = await createTask(db, { workspaceId: team.workspace.id, campaignId: campaign.id, requiredSkills: ["events"], dueAt: due(MONDAY) });

    expect((await callError((await callerFor(db, team.viewer)).assignment.assignTask({ taskId: task.id }))).code).toBe("FORBIDDEN");
    expect(await callError(marketer.assignment.assignTask({ taskId: task.id }))).toMatchObject({ message: "No one has the skill events." });
    const theirs = await createTask(db, { workspaceId: other.workspace.id });
    expect((await callError(marketer.assignment.assignTask({ taskId: theirs.id }))).code).toBe("NOT_FOUND");
    expect((await callError(marketer.assignment.assignCampaign({ campaignId: (await createCampaign(db, { workspaceId: other.workspace.id, ownerId: other.admin.id })).id }))).code).toBe("NOT_FOUND");

    const mine = await createTask(db, { workspaceId: team.workspace.id, assigneeId: team.manager.id });
    expect(await callError(marketer.assignment.assignTask({ taskId: mine.id }))).toMatchObject({
      code: "CONFLICT",
      message: `This task is already assigned to ${team.manager.name}. Unassign it first to have it assigned automatically.`,
    });
  });
});
