import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { addMember, createTask, createTeam, createUser, createWorkspace } from "@/db/factories";
import { auditLog, memberships, workspaces } from "@/db/schema";
import { test } from "@/db/test-db";
import { snapshotDatabase } from "@/db/test-snapshot";
import { callError, callerFor, fieldErrorsOf } from "@/server/api/test-caller";
import { getTeamWorkload } from "@/server/services/team/get-team-workload";

const profile = { skills: ["copywriting", "design"], weeklyCapacityHours: 32, workingDays: [4, 1, 2, 3, 1], timeZone: "Europe/Berlin" };

describe("team router", () => {
  test("a marketer edits their own profile (kept in order, recorded); a manager edits anyone's; the page reads it back", async ({ db }) => {
    const team = await createTeam(db);
    const marketer = await callerFor(db, team.marketer);

    expect(await marketer.team.updateProfile({ userId: team.marketer.id, ...profile })).toEqual({
      userId: team.marketer.id,
      skills: ["copywriting", "design"],
      weeklyCapacityHours: 32,
      workingDays: [1, 2, 3, 4],
      timeZone: "Europe/Berlin",
    });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityType, "member_profile"));
    expect(entry).toMatchObject({
      actorId: team.marketer.id,
      entityId: team.marketer.id,
      action: "updated",
      before: { skills: [], weeklyCapacityHours: 40, workingDays: [1, 2, 3, 4, 5], timeZone: null },
      after: { skills: ["copywriting", "design"], weeklyCapacityHours: 32, workingDays: [1, 2, 3, 4], timeZone: "Europe/Berlin" },
    });

    await (await callerFor(db, team.manager)).team.updateProfile({ userId: team.marketer.id, ...profile, weeklyCapacityHours: 0, timeZone: null });
    const page = await (await callerFor(db, team.viewer)).team.profiles();
    expect(page.skills).toContain("video");
    expect(page.members.find((member) => member.userId === team.marketer.id)).toMatchObject({ weeklyCapacityHours: 0, timeZone: null, timeOff: [] });
  });

  test("a marketer can't change someone else's profile or time off; a viewer nothing; nothing is written", async ({ db }) => {
    const team = await createTeam(db);
    const before = await snapshotDatabase(db);
    const marketer = await callerFor(db, team.marketer);

    const error = await callError(marketer.team.updateProfile({ userId: team.manager.id, ...profile }));
    expect(error).toMatchObject({ code: "FORBIDDEN", message: "Only managers and admins can change someone else's profile or time off." });
    expect((await callError(marketer.team.addTimeOff({ userId: team.admin.id, startDate: "2026-12-21", endDate: "2026-12-24" }))).code).toBe("FORBIDDEN");
    expect((await callError((await callerFor(db, team.viewer)).team.updateProfile({ userId: team.viewer.id, ...profile }))).code).toBe("FORBIDDEN");
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("bad input: an unknown skill, capacity out of 0-168, the last day off before the first, someone not a member; nothing is written", async ({ db }) => {
    const team = await createTeam(db);
    const outsider = await createUser(db);
    const other = await createWorkspace(db);
    await addMember(db, { workspaceId: other.id, userId: outsider.id, role: "marketer" });
    const manager = await callerFor(db, team.manager);
    const before = await snapshotDatabase(db);

    const unknown = await callError(manager.team.updateProfile({ userId: team.marketer.id, ...profile, skills: ["copywriting", "juggling"] }));
    expect(fieldErrorsOf(unknown)).toEqual({ skills: ["“juggling” is not one of this workspace's skills. Choose from the list, or ask a manager to add it."] });
    const tooMany = await callError(manager.team.updateProfile({ userId: team.marketer.id, ...profile, weeklyCapacityHours: 169 }));
    expect(fieldErrorsOf(tooMany)).toEqual({ weeklyCapacityHours: ["Weekly capacity can be at most 168 hours (a whole week)"] });
    const negative = await callError(manager.team.updateProfile({ userId: team.marketer.id, ...profile, weeklyCapacityHours: -1 }));
    expect(fieldErrorsOf(negative)).toEqual({ weeklyCapacityHours: ["Weekly capacity can't be below 0 hours"] });
    const backwards = await callError(manager.team.addTimeOff({ userId: team.marketer.id, startDate: "2026-12-24", endDate: "2026-12-21" }));
    expect(fieldErrorsOf(backwards)).toEqual({ endDate: ["The last day off can't be before the first day off"] });
    const stranger = await callError(manager.team.updateProfile({ userId: outsider.id, ...profile }));
    expect(stranger).toMatchObject({ code: "NOT_FOUND", message: "That person is not a member of this workspace." });
    expect((await callError(manager.team.addTimeOff({ userId: outsider.id, startDate: "2026-12-21", endDate: "2026-12-24" }))).code).toBe("NOT_FOUND");
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("time off: added and removed with an audit entry each; another workspace's entry can't be removed", async ({ db }) => {
    const team = await createTeam(db);
    const otherTeam = await createTeam(db);
    const marketer = await callerFor(db, team.marketer);
    const added = await marketer.team.addTimeOff({ userId: team.marketer.id, startDate: "2099-12-21", endDate: "2099-12-24", note: "Skiing" });
    expect(added).toMatchObject({ userId: team.marketer.id, startDate: "2099-12-21", endDate: "2099-12-24", note: "Skiing" });
    expect((await marketer.team.profiles()).members.find((member) => member.userId === team.marketer.id)!.timeOff).toEqual([
      { id: added.id, userId: team.marketer.id, startDate: "2099-12-21", endDate: "2099-12-24", note: "Skiing" },
    ]);

    const stranger = await callError((await callerFor(db, otherTeam.admin)).team.removeTimeOff({ timeOffId: added.id }));
    expect(stranger.code).toBe("NOT_FOUND");
    // A marketer can't take away a manager's time off either.
    const managers = await (await callerFor(db, team.manager)).team.addTimeOff({ userId: team.manager.id, startDate: "2099-01-05", endDate: "2099-01-05" });
    expect((await callError(marketer.team.removeTimeOff({ timeOffId: managers.id }))).code).toBe("FORBIDDEN");

    await marketer.team.removeTimeOff({ timeOffId: added.id });
    const entries = await db.select({ action: auditLog.action, entityId: auditLog.entityId }).from(auditLog).where(eq(auditLog.entityType, "time_off"));
    expect(entries).toEqual([
      { action: "created", entityId: added.id },
      { action: "created", entityId: managers.id },
      { action: "deleted", entityId: added.id },
    ]);
  });

  test("skill catalogue: managers add and remove skills; a removed skill leaves the members who had it", async ({ db }) => {
    const team = await createTeam(db);
    const manager = await callerFor(db, team.manager);
    expect((await manager.team.addSkill({ skill: " Podcasts " })).skills.at(-1)).toBe("podcasts");
    const twice = await callError(manager.team.addSkill({ skill: "podcasts" }));
    expect(fieldErrorsOf(twice)).toEqual({ skill: ["“podcasts” is already one of this workspace's skills."] });
    expect((await callError((await callerFor(db, team.marketer)).team.addSkill({ skill: "radio" }))).code).toBe("FORBIDDEN");

    await manager.team.updateProfile({ userId: team.marketer.id, ...profile, skills: ["podcasts", "design"] });
    expect(await manager.team.removeSkill({ skill: "podcasts" })).toMatchObject({ membersChanged: 1 });
    const [row] = await db.select({ skills: memberships.skills }).from(memberships).where(and(eq(memberships.workspaceId, team.workspace.id), eq(memberships.userId, team.marketer.id)));
    expect(row!.skills).toEqual(["design"]);
    const [workspace] = await db.select({ skills: workspaces.skills }).from(workspaces).where(eq(workspaces.id, team.workspace.id));
    expect(workspace!.skills).not.toContain("podcasts");
    expect((await callError(manager.team.removeSkill({ skill: "podcasts" }))).code).toBe("NOT_FOUND");
  });

  test("workload: open tasks' estimates per week against capacity less time off and holidays, flags and overdue counts", async ({ db }) => {
    const team = await createTeam(db);
    await db.update(workspaces).set({ timeZone: "Europe/Berlin", holidayCountry: "DE" }).where(eq(workspaces.id, team.workspace.id));
    const manager = await callerFor(db, team.manager);
    // Monday 7 December 2026 is in the first week; the second has Christmas (Fri 25th, a German holiday).
    const now = new Date("2026-12-09T10:00:00Z");
    await manager.team.addTimeOff({ userId: team.marketer.id, startDate: "2026-12-07", endDate: "2026-12-08" });
    const scope = { workspaceId: team.workspace.id, assigneeId: team.marketer.id };
    // Sunday 13 December 23:30 in Berlin is still the first week (22:30 UTC).
    await createTask(db, { ...scope, dueAt: new Date("2026-12-13T22:30:00Z"), estimateHours: 20 });
    await createTask(db, { ...scope, dueAt: new Date("2026-12-10T09:00:00Z"), estimateHours: 5.5 });
    await createTask(db, { ...scope, dueAt: new Date("2026-12-10T09:00:00Z"), estimateHours: 50, status: "done" });
    await createTask(db, { ...scope, dueAt: new Date("2026-12-16T09:00:00Z"), estimateHours: 8 });
    await createTask(db, { ...scope, dueAt: new Date("2020-01-01T09:00:00Z"), estimateHours: 1 });

    const workload = await getTeamWorkload(db, { workspaceId: team.workspace.id, now });
    expect(workload.weeks).toEqual(["2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28", "2027-01-04", "2027-01-11"]);
    expect(workload.members.map((member) => member.name)).not.toContain(team.viewer.name);
    const marketer = workload.members.find((member) => member.userId === team.marketer.id)!;
    expect(marketer.weeks.slice(0, 3)).toEqual([
      { weekStart: "2026-12-07", assignedHours: 25.5, capacityHours: 24, over: true },
      { weekStart: "2026-12-14", assignedHours: 8, capacityHours: 40, over: false },
      // Christmas Day and Boxing Day (Friday and Saturday) in Germany.
      { weekStart: "2026-12-21", assignedHours: 0, capacityHours: 32, over: false },
    ]);
    expect(marketer).toMatchObject({ overWeeks: ["2026-12-07"], openTasks: 4, overdueTasks: 1 });
  });
});
