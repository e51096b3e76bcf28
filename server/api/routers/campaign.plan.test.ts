import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { createTask, createTeam } from "@/db/factories";
import { auditLog, milestones, taskDependencies, tasks, workspaces } from "@/db/schema";
import { test } from "@/db/test-db";
import { snapshotDatabase } from "@/db/test-snapshot";
import { callError, callerFor, fieldErrorsOf } from "@/server/api/test-caller";
import { defaultTemplates } from "@/server/services/timeline/default-templates";

const launchWebinar = {
  name: "Q1 webinar",
  type: "webinar" as const,
  startDate: "2026-11-02",
  launchDate: "2026-12-14",
  endDate: "2026-12-31",
  channels: ["linkedin" as const],
};

describe("a new campaign's work plan", () => {
  test("comes from its template with its timeline, in one transaction and one history entry: due at 17:00 before its milestone, dependencies wired, at the bottom of To do", async ({ db }) => {
    const team = await createTeam(db);
    await db.update(workspaces).set({ holidayCountry: "US", timeZone: "Europe/Berlin" }).where(eq(workspaces.id, team.workspace.id));
    const earlier = await createTask(db, { workspaceId: team.workspace.id, title: "Already on the board" });
    const marketer = await callerFor(db, team.marketer);

    const campaign = await marketer.campaign.create({ ...launchWebinar, ownerId: team.marketer.id });
    expect(campaign.taskCount).toBeGreaterThan(0);

    const plan = await db.select().from(tasks).where(eq(tasks.campaignId, campaign.id)).orderBy(tasks.position);
    // Every webinar task, plus the LinkedIn checklist and no other channel's.
    expect(plan.map((t) => t.title)).toContain("Host the webinar");
    expect(plan.map((t) => t.title)).toEqual(expect.arrayContaining(["Write LinkedIn copy", "Image with alt text", "Schedule LinkedIn post"]));
    expect(plan.some((t) => t.templateKey?.startsWith("email-"))).toBe(false);
    expect(plan.every((t) => t.status === "todo" && t.position > earlier.position && t.createdById === team.marketer.id)).toBe(true);

    const host = plan.find((t) => t.templateKey === "host")!;
    const [webinarDay] = await db.select().from(milestones).where(and(eq(milestones.campaignId, campaign.id), eq(milestones.name, "Webinar day")));
    expect(host.milestoneId).toBe(webinarDay!.id);
    expect(webinarDay!.dueDate).toBe("2026-12-14");
    // 17:00 in Berlin on the milestone's day (UTC+1 in December).
    expect(host.dueAt!.toISOString()).toBe("2026-12-14T16:00:00.000Z");
    expect(host.estimateHours).toBe(2);
    expect(host.requiredSkills).toEqual(["events"]);

    const edges = await db.select().from(taskDependencies).where(eq(taskDependencies.taskId, host.id));
    const keyOf = new Map(plan.map((t) => [t.id, t.templateKey]));
    expect(edges.map((e) => keyOf.get(e.dependsOnId)).sort()).toEqual(["dry-run", "reminders"]);

    const history = await db.select().from(auditLog).where(eq(auditLog.campaignId, campaign.id));
    expect(history.map((e) => e.action)).toEqual(["created"]);
    expect((history[0]!.after as { tasks: unknown[] }).tasks).toHaveLength(plan.length);
  });

  test("a campaign without a timeline gets no tasks either", async ({ db }) => {
    const team = await createTeam(db);
    const campaign = await (await callerFor(db, team.marketer)).campaign.create({ ...launchWebinar, ownerId: team.marketer.id, withTimeline: false });
    expect(await db.select().from(tasks).where(eq(tasks.campaignId, campaign.id))).toEqual([]);
  });

  test("regenerating the timeline re-dates the open template tasks, keeps done and hand-made ones, adds nothing back", async ({ db }) => {
    const team = await createTeam(db);
    const marketer = await callerFor(db, team.marketer);
    const campaign = await marketer.campaign.create({ ...launchWebinar, ownerId: team.marketer.id });
    const plan = await db.select().from(tasks).where(eq(tasks.campaignId, campaign.id));
    const host = plan.find((t) => t.templateKey === "host")!;
    const topic = plan.find((t) => t.templateKey === "topic")!;
    const gone = plan.find((t) => t.templateKey === "follow-up")!;
    await db.update(tasks).set({ status: "done", completedAt: new Date() }).where(eq(tasks.id, topic.id));
    await db.delete(tasks).where(eq(tasks.id, gone.id));
    const own = await createTask(db, { workspaceId: team.workspace.id, campaignId: campaign.id, title: "Book the studio", dueAt: new Date("2026-12-01T10:00:00Z") });

    await marketer.campaign.update({ campaignId: campaign.id, launchDate: "2026-12-16" });
    await marketer.milestone.regenerate({ campaignId: campaign.id });

    const after = new Map((await db.select().from(tasks).where(eq(tasks.campaignId, campaign.id))).map((t) => [t.id, t]));
    expect(after.size).toBe(plan.length);
    const [webinarDay] = await db.select().from(milestones).where(and(eq(milestones.campaignId, campaign.id), eq(milestones.name, "Webinar day")));
    expect(after.get(host.id)).toMatchObject({ dueAt: new Date("2026-12-16T17:00:00Z"), milestoneId: webinarDay!.id });
    expect(after.get(topic.id)!.dueAt).toEqual(topic.dueAt);
    expect(after.get(topic.id)!.milestoneId).not.toBeNull();
    expect(after.get(own.id)!.dueAt).toEqual(own.dueAt);
  });
});

describe("template tasks in settings", () => {
  test("a task added to a template is in the next campaign's plan", async ({ db }) => {
    const team = await createTeam(db);
    const manager = await callerFor(db, team.manager);
    const [webinar] = (await manager.template.list()).filter((t) => t.type === "webinar");
    const tasksWithRehearsal = [
      ...webinar!.tasks,
      { key: "rehearsal-2", title: "Second rehearsal", estimateHours: 1.5, skills: ["events"], dependsOn: ["dry-run"], milestone: "Dry run", businessDaysBefore: 0 },
    ];
    const saved = await manager.template.update({ type: "webinar", milestones: defaultTemplates.webinar, tasks: tasksWithRehearsal });
    expect(saved.tasks.at(-1)).toEqual(tasksWithRehearsal.at(-1));
    expect((await manager.template.list()).find((t) => t.type === "webinar")!.tasks).toEqual(tasksWithRehearsal);

    const campaign = await manager.campaign.create({ ...launchWebinar, ownerId: team.marketer.id });
    const [rehearsal] = await db.select().from(tasks).where(and(eq(tasks.campaignId, campaign.id), eq(tasks.title, "Second rehearsal")));
    expect(rehearsal).toMatchObject({ estimateHours: 1.5, requiredSkills: ["events"], templateKey: "rehearsal-2" });
  });

  test("a circle, an unknown skill or milestone, an estimate out of range: refused at the field, nothing written", async ({ db }) => {
    const team = await createTeam(db);
    const manager = await callerFor(db, team.manager);
    const before = await snapshotDatabase(db);
    const base = { estimateHours: 1, skills: ["copywriting"], dependsOn: [] as string[], milestone: "Webinar day", businessDaysBefore: 0 };
    const update = (tasks: (typeof base & { key: string; title: string })[]) => manager.template.update({ type: "webinar", milestones: defaultTemplates.webinar, tasks });

    const circle = await callError(update([{ ...base, key: "a", title: "Slides", dependsOn: ["b"] }, { ...base, key: "b", title: "Script", dependsOn: ["a"] }]));
    expect(circle.code).toBe("BAD_REQUEST");
    expect(circle.message).toBe("These tasks wait on each other in a circle, so none could start: Slides → Script → Slides");
    expect(fieldErrorsOf(circle)).toEqual({ "tasks.0.dependsOn": [circle.message] });

    const unknown = await callError(update([{ ...base, key: "a", title: "Juggle", skills: ["juggling"], milestone: "Party" }]));
    expect(Object.keys(fieldErrorsOf(unknown)!).sort()).toEqual(["tasks.0.milestone", "tasks.0.skills"]);

    const tooLong = await callError(update([{ ...base, key: "a", title: "Everything", estimateHours: 1000.5 }]));
    expect(fieldErrorsOf(tooLong)).toEqual({ tasks: ["The estimate can be at most 1,000"] });

    expect(await snapshotDatabase(db)).toEqual(before);
  });
});
