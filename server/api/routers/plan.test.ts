import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { addMember, createCampaign, createTask, createTeam, createUser, uniqueEmail } from "@/db/factories";
import { memberships, taskDependencies, timeOff, workspaces } from "@/db/schema";
import { test } from "@/db/test-db";
import { callError, callerFor } from "@/server/api/test-caller";

describe("plan.criticalPath", () => {
  test("the chain to the launch over people's calendars, recomputed on every read, with the verdict", async ({ db }) => {
    const team = await createTeam(db);
    await db.update(workspaces).set({ timeZone: "UTC" }).where(eq(workspaces.id, team.workspace.id));
    const priya = await createUser(db, { email: uniqueEmail("priya"), name: "Priya Shah" });
    await addMember(db, { workspaceId: team.workspace.id, userId: priya.id, role: "marketer" });
    await db.update(memberships).set({ weeklyCapacityHours: 20 }).where(eq(memberships.userId, priya.id));
    // Launch far ahead so the verdict doesn't depend on today's date.
    const launchDate = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const campaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.marketer.id, launchDate, endDate: launchDate });
    const viewer = await callerFor(db, team.viewer);

    expect(await viewer.plan.criticalPath({ campaignId: campaign.id })).toMatchObject({ taskCount: 0, chain: [], holds: true, lastFinish: null });

    const base = { workspaceId: team.workspace.id, campaignId: campaign.id, dueAt: null };
    const brief = await createTask(db, { ...base, title: "Write the brief", estimateHours: 4, status: "done" });
    const copy = await createTask(db, { ...base, title: "Write the copy", estimateHours: 8, assigneeId: priya.id });
    const image = await createTask(db, { ...base, title: "Image with alt text", estimateHours: 2 });
    const publish = await createTask(db, { ...base, title: "Schedule the post", estimateHours: 1 });
    await db.insert(taskDependencies).values([
      { workspaceId: team.workspace.id, taskId: copy.id, dependsOnId: brief.id },
      { workspaceId: team.workspace.id, taskId: publish.id, dependsOnId: copy.id },
      { workspaceId: team.workspace.id, taskId: publish.id, dependsOnId: image.id },
    ]);

    const path = await viewer.plan.criticalPath({ campaignId: campaign.id });
    expect(path).toMatchObject({ taskCount: 4, openTaskCount: 3, holds: true, slipBusinessDays: null, inCircle: [] });
    expect(path.chain.map((step) => [step.title, step.assigneeName, step.estimateHours])).toEqual([
      ["Write the copy", "Priya Shah", 8],
      ["Schedule the post", null, 1],
    ]);
    expect(path.spareBusinessDays).toBeGreaterThan(30);
    expect(path.chain.every((step) => step.slackHours > 0)).toBe(true);
    expect(path.chain[1]!.earliestFinish.getTime()).toBeGreaterThan(path.chain[0]!.earliestFinish.getTime());

    // Priya goes away for the next two weeks: her copy, and the chain, finish later.
    const today = new Date().toISOString().slice(0, 10);
    await db.insert(timeOff).values({ workspaceId: team.workspace.id, userId: priya.id, startDate: today, endDate: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10) });
    const later = await viewer.plan.criticalPath({ campaignId: campaign.id });
    expect(later.chain[0]!.earliestFinish.getTime()).toBeGreaterThan(path.chain[0]!.earliestFinish.getTime() + 7 * 86_400_000);

    // A launch before the work can be done: it slips.
    const rushed = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.marketer.id, launchDate: today, startDate: today, endDate: today });
    await createTask(db, { workspaceId: team.workspace.id, campaignId: rushed.id, title: "Everything", estimateHours: 200, dueAt: null });
    expect(await viewer.plan.criticalPath({ campaignId: rushed.id })).toMatchObject({ holds: false, spareBusinessDays: null, slipBusinessDays: expect.any(Number) });
  });

  test("another workspace's campaign is NOT_FOUND", async ({ db }) => {
    const team = await createTeam(db);
    const other = await createTeam(db);
    const campaign = await createCampaign(db, { workspaceId: other.workspace.id, ownerId: other.marketer.id });
    expect((await callError((await callerFor(db, team.admin)).plan.criticalPath({ campaignId: campaign.id }))).code).toBe("NOT_FOUND");
  });
});
