import { and, asc, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db";
import { createCampaign, createMilestone, createTask, createTeam, createWorkspace, dayFromToday } from "@/db/factories";
import { auditLog, taskComments, taskDependencies, tasks } from "@/db/schema";
import { test } from "@/db/test-db";
import { snapshotDatabase } from "@/db/test-snapshot";
import { callError, callerFor, fieldErrorsOf } from "@/server/api/test-caller";

async function seed(db: Database) {
  const team = await createTeam(db);
  const campaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.marketer.id, name: "Spring launch" });
  const marketer = await callerFor(db, team.marketer);
  return { team, campaign, marketer };
}

const due = (days: number, time = "17:00") => ({ localDateTime: `${dayFromToday(days)}T${time}`, timeZone: "Europe/Berlin" });

async function column(db: Database, workspaceId: string, status: "todo" | "in_progress" | "done" | "blocked" | "in_review") {
  const rows = await db
    .select({ title: tasks.title })
    .from(tasks)
    .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.status, status)))
    .orderBy(asc(tasks.position), asc(tasks.id));
  return rows.map((row) => row.title);
}

describe("task.create", () => {
  test("adds the task at the bottom of To do, due at the wall time entered in the viewer's zone, and audits it", async ({ db }) => {
    const { team, campaign, marketer } = await seed(db);
    await marketer.task.create({ title: "First" });
    const { task, warnings } = await marketer.task.create({
      title: "Write the brief",
      campaignId: campaign.id,
      assigneeId: team.marketer.id,
      due: { localDateTime: "2030-07-01T17:00", timeZone: "Europe/Berlin" },
      estimateHours: 2.5,
      requiredSkills: ["copywriting"],
      priority: "high",
    });
    expect(warnings).toEqual([]);
    expect(task).toMatchObject({ status: "todo", estimateHours: 2.5, priority: "high", requiredSkills: ["copywriting"], createdById: team.marketer.id });
    // 17:00 in Berlin in summer is 15:00 UTC.
    expect(task.dueAt!.toISOString()).toBe("2030-07-01T15:00:00.000Z");
    expect(await column(db, team.workspace.id, "todo")).toEqual(["First", "Write the brief"]);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "task"), eq(auditLog.entityId, task.id)));
    expect(entry).toMatchObject({ action: "created", actorId: team.marketer.id, campaignId: campaign.id, after: { title: "Write the brief", estimateHours: 2.5 } });
  });

  test.for([
    ["a due time in the past", { due: due(-1) }, "due", "A new task can't be due in the past. Pick a later time."],
    ["an estimate below zero", { estimateHours: -1 }, "estimateHours", "The estimate can't be negative"],
    ["an estimate over 1,000 hours", { estimateHours: 1000.5 }, "estimateHours", "The estimate can be at most 1,000"],
    ["an unknown skill", { requiredSkills: ["juggling"] as string[] }, "requiredSkills", "“juggling” is not a skill of this workspace. Add it on the Team page first."],
  ] as const)("refuses %s with a message on the field and writes nothing", async ([, fields, field, message], { db }) => {
    const { marketer } = await seed(db);
    const before = await snapshotDatabase(db);
    const error = await callError(marketer.task.create({ title: "Bad", ...fields }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(error)?.[field]).toEqual([message]);
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("refuses an assignee who is not a member, or a viewer, and a campaign of another workspace", async ({ db }) => {
    const { team, marketer } = await seed(db);
    const other = await createTeam(db);
    const foreignCampaign = await createCampaign(db, { workspaceId: other.workspace.id, ownerId: other.marketer.id });
    const before = await snapshotDatabase(db);
    expect(fieldErrorsOf(await callError(marketer.task.create({ title: "x", assigneeId: other.marketer.id })))).toEqual({
      assigneeId: ["That person is not a member of this workspace."],
    });
    expect(fieldErrorsOf(await callError(marketer.task.create({ title: "x", assigneeId: team.viewer.id })))).toEqual({
      assigneeId: ["Viewers only read: make them a marketer to assign them tasks."],
    });
    expect(fieldErrorsOf(await callError(marketer.task.create({ title: "x", campaignId: foreignCampaign.id })))).toEqual({
      campaignId: ["That campaign does not exist in this workspace."],
    });
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("a viewer changes nothing", async ({ db }) => {
    const { team } = await seed(db);
    const viewer = await callerFor(db, team.viewer);
    expect((await callError(viewer.task.create({ title: "Nope" }))).code).toBe("FORBIDDEN");
  });

  test("warns when the task is due before a task it waits on", async ({ db }) => {
    const { marketer } = await seed(db);
    const { task: brief } = await marketer.task.create({ title: "Brief", due: due(10) });
    const { task: post, warnings } = await marketer.task.create({ title: "Post", due: due(5), dependsOnIds: [brief.id] });
    expect(warnings).toEqual([{ kind: "due_before_dependency", taskId: brief.id, title: "Brief", dueAt: brief.dueAt }]);
    const { warnings: later } = await marketer.task.update({ taskId: post.id, due: due(12) });
    expect(later).toEqual([]);
  });
});

describe("task.move", () => {
  test("reorders within a column and moves between columns, writing one row", async ({ db }) => {
    const { team, marketer } = await seed(db);
    const ids: Record<string, string> = {};
    for (const title of ["A", "B", "C"]) ids[title] = (await marketer.task.create({ title })).task.id;

    await marketer.task.move({ taskId: ids.C!, status: "todo", afterTaskId: null });
    expect(await column(db, team.workspace.id, "todo")).toEqual(["C", "A", "B"]);
    await marketer.task.move({ taskId: ids.C!, status: "todo", afterTaskId: ids.A! });
    expect(await column(db, team.workspace.id, "todo")).toEqual(["A", "C", "B"]);

    const moved = await marketer.task.move({ taskId: ids.A!, status: "in_progress", afterTaskId: null });
    expect(moved.status).toBe("in_progress");
    expect(await column(db, team.workspace.id, "todo")).toEqual(["C", "B"]);
    expect(await column(db, team.workspace.id, "in_progress")).toEqual(["A"]);
    const history = await db.select().from(auditLog).where(and(eq(auditLog.entityId, ids.A!), eq(auditLog.action, "status_changed")));
    expect(history.map((entry) => [entry.before, entry.after])).toEqual([[{ status: "todo" }, { status: "in_progress", title: "A" }]]);
  });

  test("keeps order through many drops into the same gap, renumbering the column when keys grow long", async ({ db }) => {
    const { team, marketer } = await seed(db);
    const first = (await marketer.task.create({ title: "first" })).task;
    await marketer.task.create({ title: "last" });
    const expected = ["first"];
    // Each new card goes right after "first", so its key lands between "first" and the previous one.
    // 150 halvings of one gap make keys of ~27 characters: past the limit, so the column is renumbered on the way.
    let longest = 0;
    for (let i = 0; i < 150; i++) {
      const { task } = await marketer.task.create({ title: `card ${i}` });
      await marketer.task.move({ taskId: task.id, status: "todo", afterTaskId: first.id });
      expected.splice(1, 0, `card ${i}`);
      const [row] = await db.select({ position: tasks.position }).from(tasks).where(eq(tasks.id, task.id));
      longest = Math.max(longest, row!.position.length);
    }
    expect(longest).toBeGreaterThanOrEqual(20);
    expect(await column(db, team.workspace.id, "todo")).toEqual([...expected, "last"]);
    const keys = await db.select({ position: tasks.position }).from(tasks).where(eq(tasks.workspaceId, team.workspace.id));
    expect(Math.max(...keys.map((key) => key.position.length))).toBeLessThanOrEqual(24);
  });

  test("refuses a move the status machine forbids, and Blocked without a reason", async ({ db }) => {
    const { marketer } = await seed(db);
    const { task } = await marketer.task.create({ title: "Draft copy" });
    const forbidden = await callError(marketer.task.move({ taskId: task.id, status: "in_review", afterTaskId: null }));
    expect(forbidden.code).toBe("BAD_REQUEST");
    expect(forbidden.message).toBe("A task can't go from To do straight to In review.");
    const noReason = await callError(marketer.task.move({ taskId: task.id, status: "blocked", afterTaskId: null }));
    expect(fieldErrorsOf(noReason)).toEqual({ blockedReason: ["Say what blocks “Draft copy”."] });

    const blocked = await marketer.task.move({ taskId: task.id, status: "blocked", afterTaskId: null, blockedReason: "Waiting on legal" });
    expect(blocked.blockedReason).toBe("Waiting on legal");
    const unblocked = await marketer.task.move({ taskId: task.id, status: "in_progress", afterTaskId: null });
    expect(unblocked.blockedReason).toBeNull();
  });

  test("a task can't start or finish while a dependency is open: the refusal names it", async ({ db }) => {
    const { marketer } = await seed(db);
    const { task: brief } = await marketer.task.create({ title: "Write the brief" });
    const { task: design } = await marketer.task.create({ title: "Design", dependsOnIds: [] });
    const { task: post } = await marketer.task.create({ title: "Publish the post", dependsOnIds: [brief.id, design.id] });

    for (const status of ["in_progress", "done"] as const) {
      const error = await callError(marketer.task.move({ taskId: post.id, status, afterTaskId: null }));
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toBe("“Publish the post” can't start yet: it waits on “Write the brief” and “Design”, which are not done.");
    }
    const board = await marketer.task.board({});
    expect(board.find((c) => c.status === "todo")!.cards.find((c) => c.id === post.id)!.blockedBy.map((b) => b.title)).toEqual(["Write the brief", "Design"]);

    await marketer.task.move({ taskId: brief.id, status: "done", afterTaskId: null });
    await marketer.task.move({ taskId: design.id, status: "done", afterTaskId: null });
    expect((await marketer.task.move({ taskId: post.id, status: "in_progress", afterTaskId: null })).status).toBe("in_progress");
  });
});

describe("task dependencies", () => {
  test("refuses the task itself, a task of another workspace, and a loop, naming the loop", async ({ db }) => {
    const { marketer } = await seed(db);
    const other = await createWorkspace(db);
    const stranger = await createTask(db, { workspaceId: other.id, title: "Theirs" });
    const { task: a } = await marketer.task.create({ title: "A" });
    const { task: b } = await marketer.task.create({ title: "B", dependsOnIds: [a.id] });
    const { task: c } = await marketer.task.create({ title: "C", dependsOnIds: [b.id] });
    const before = await snapshotDatabase(db);

    expect(fieldErrorsOf(await callError(marketer.task.addDependency({ taskId: a.id, dependsOnId: a.id })))).toEqual({ dependsOnId: ["A task can't depend on itself."] });
    expect(fieldErrorsOf(await callError(marketer.task.addDependency({ taskId: a.id, dependsOnId: stranger.id })))).toEqual({
      dependsOnId: ["That task does not exist in this workspace."],
    });
    const loop = await callError(marketer.task.addDependency({ taskId: a.id, dependsOnId: c.id }));
    expect(loop.code).toBe("BAD_REQUEST");
    expect(loop.message).toBe("That would make a loop: “A” → “C” → “B” → “A”. A task can't wait on itself, even through others.");
    expect(await snapshotDatabase(db)).toEqual(before);

    await marketer.task.removeDependency({ taskId: c.id, dependsOnId: b.id });
    await marketer.task.addDependency({ taskId: a.id, dependsOnId: c.id });
    expect(await db.select().from(taskDependencies).where(eq(taskDependencies.taskId, a.id))).toHaveLength(1);
  });
});

describe("task comments", () => {
  test("stores mentions as member ids and shows them as names; a stranger can't be mentioned", async ({ db }) => {
    const { team, marketer } = await seed(db);
    const other = await createTeam(db);
    const { task } = await marketer.task.create({ title: "Brief" });
    await marketer.task.comment({ taskId: task.id, body: `@[${team.manager.id}] can you check this?` });
    const [comment] = await db.select().from(taskComments).where(eq(taskComments.taskId, task.id));
    expect(comment!.mentionedIds).toEqual([team.manager.id]);
    const detail = await marketer.task.get({ taskId: task.id });
    expect(detail.mentionNames).toEqual({ [team.manager.id]: team.manager.name });
    expect(detail.history.map((entry) => entry.action)).toEqual(["commented", "created"]);

    const error = await callError(marketer.task.comment({ taskId: task.id, body: `@[${other.manager.id}] hello` }));
    expect(fieldErrorsOf(error)).toEqual({ body: ["You can only mention members of this workspace."] });
  });
});

describe("task reads", () => {
  test("filters the board by campaign, mine, skill, priority and due, and keeps another workspace's tasks out", async ({ db }) => {
    const { team, campaign, marketer } = await seed(db);
    const other = await createTeam(db);
    await createTask(db, { workspaceId: other.workspace.id, title: "Theirs" });
    const now = new Date();
    await createTask(db, { workspaceId: team.workspace.id, title: "Mine, overdue", assigneeId: team.marketer.id, dueAt: new Date(now.getTime() - 3_600_000) });
    await createTask(db, { workspaceId: team.workspace.id, title: "Campaign design", campaignId: campaign.id, requiredSkills: ["design"], priority: "urgent" });
    await createTask(db, { workspaceId: team.workspace.id, title: "Done, overdue", status: "done", dueAt: new Date(now.getTime() - 3_600_000) });

    const titles = async (filters: Parameters<typeof marketer.task.board>[0]) =>
      (await marketer.task.board(filters)).flatMap((c) => c.cards.map((card) => card.title)).sort();
    expect(await titles({})).toEqual(["Campaign design", "Done, overdue", "Mine, overdue"]);
    expect(await titles({ campaignId: campaign.id })).toEqual(["Campaign design"]);
    expect(await titles({ mine: true })).toEqual(["Mine, overdue"]);
    expect(await titles({ skill: "design" })).toEqual(["Campaign design"]);
    expect(await titles({ priority: "urgent" })).toEqual(["Campaign design"]);
    expect(await titles({ due: "overdue", timeZone: "Europe/Berlin" })).toEqual(["Mine, overdue"]);
    expect(await titles({ search: "DESIGN" })).toEqual(["Campaign design"]);

    const board = await marketer.task.board({});
    expect(board.map((c) => [c.status, c.total])).toEqual([
      ["todo", 2],
      ["in_progress", 0],
      ["blocked", 0],
      ["in_review", 0],
      ["done", 1],
    ]);
    const list = await marketer.task.list({ sort: "priority" });
    expect(list.tasks.map((t) => t.title)[0]).toBe("Campaign design");
    expect(list.total).toBe(3);
  });

  test("pages a long column in order", async ({ db }) => {
    const { team, marketer } = await seed(db);
    for (let i = 0; i < 7; i++) await createTask(db, { workspaceId: team.workspace.id, title: `T${i}` });
    const [todo] = await marketer.task.board({ limit: 3 });
    expect(todo!.cards.map((c) => c.title)).toEqual(["T0", "T1", "T2"]);
    expect(todo!.total).toBe(7);
    const next = await marketer.task.column({ status: "todo", after: todo!.nextAfter!, limit: 3 });
    expect(next.cards.map((c) => c.title)).toEqual(["T3", "T4", "T5"]);
    const last = await marketer.task.column({ status: "todo", after: next.nextAfter!, limit: 3 });
    expect(last).toMatchObject({ nextAfter: null });
    expect(last.cards.map((c) => c.title)).toEqual(["T6"]);
  });

  test("today's work lists the member's overdue, due today and blocked tasks; managers get the team's overdue count", async ({ db }) => {
    const { team, campaign } = await seed(db);
    const now = new Date("2030-03-04T10:00:00Z");
    const ws = team.workspace.id;
    await createTask(db, { workspaceId: ws, title: "Late", assigneeId: team.marketer.id, dueAt: new Date("2030-03-03T10:00:00Z") });
    await createTask(db, { workspaceId: ws, title: "Today", assigneeId: team.marketer.id, dueAt: new Date("2030-03-04T16:00:00Z"), campaignId: campaign.id });
    await createTask(db, { workspaceId: ws, title: "Stuck", assigneeId: team.marketer.id, status: "blocked", blockedReason: "Legal", dueAt: new Date("2030-03-20T10:00:00Z") });
    await createTask(db, { workspaceId: ws, title: "Later", assigneeId: team.marketer.id, dueAt: new Date("2030-03-10T10:00:00Z") });
    await createTask(db, { workspaceId: ws, title: "Someone else's late", assigneeId: team.manager.id, dueAt: new Date("2030-03-01T10:00:00Z") });
    const { listTodaysWork } = await import("@/server/services/tasks/list-todays-work");

    const work = await listTodaysWork(db, { workspaceId: ws, actorId: team.marketer.id, timeZone: "Europe/Berlin", now });
    expect(work.overdue.map((t) => t.title)).toEqual(["Late"]);
    expect(work.dueToday.map((t) => t.title)).toEqual(["Today"]);
    expect(work.blocked.map((t) => t.title)).toEqual(["Stuck"]);
    expect(work.teamOverdue).toBeNull();
    const managers = await listTodaysWork(db, { workspaceId: ws, actorId: team.manager.id, timeZone: "Europe/Berlin", teamOverdue: true, now });
    expect(managers.teamOverdue).toBe(2);
  });

  test("a task of another workspace reads as missing", async ({ db }) => {
    const { marketer } = await seed(db);
    const other = await createTeam(db);
    const theirs = await createTask(db, { workspaceId: other.workspace.id, title: "Theirs" });
    expect((await callError(marketer.task.get({ taskId: theirs.id }))).code).toBe("NOT_FOUND");
    expect((await callError(marketer.task.move({ taskId: theirs.id, status: "in_progress", afterTaskId: null }))).code).toBe("NOT_FOUND");
  });
});

describe("task.update and task.delete", () => {
  test("edits fields with one history entry of what changed; choosing an assignee by hand drops an automatic reason", async ({ db }) => {
    const { team, campaign, marketer } = await seed(db);
    const milestone = await createMilestone(db, { workspaceId: team.workspace.id, campaignId: campaign.id });
    const task = await createTask(db, { workspaceId: team.workspace.id, title: "Brief", assignmentReason: "Picked automatically", assigneeId: team.marketer.id });
    const { task: updated } = await marketer.task.update({ taskId: task.id, assigneeId: team.manager.id, campaignId: campaign.id, milestoneId: milestone.id, estimateHours: 4 });
    expect(updated).toMatchObject({ assigneeId: team.manager.id, assignmentReason: null, milestoneId: milestone.id, estimateHours: 4 });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, task.id), eq(auditLog.action, "updated")));
    expect(entry!.after).toMatchObject({ assigneeId: team.manager.id, estimateHours: 4, assignmentReason: null });
    expect(entry!.before).toMatchObject({ assigneeId: team.marketer.id, estimateHours: 2 });
  });

  test("a milestone of another campaign is refused", async ({ db }) => {
    const { team, campaign, marketer } = await seed(db);
    const otherCampaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.marketer.id });
    const milestone = await createMilestone(db, { workspaceId: team.workspace.id, campaignId: otherCampaign.id });
    const task = await createTask(db, { workspaceId: team.workspace.id, campaignId: campaign.id });
    expect(fieldErrorsOf(await callError(marketer.task.update({ taskId: task.id, milestoneId: milestone.id })))).toEqual({
      milestoneId: ["That milestone is not part of the task's campaign."],
    });
  });

  test("deleting a task frees what waited on it and keeps its history", async ({ db }) => {
    const { marketer } = await seed(db);
    const { task: a } = await marketer.task.create({ title: "A" });
    const { task: b } = await marketer.task.create({ title: "B", dependsOnIds: [a.id] });
    await marketer.task.delete({ taskId: a.id });
    expect((await marketer.task.move({ taskId: b.id, status: "in_progress", afterTaskId: null })).status).toBe("in_progress");
    expect((await db.select().from(auditLog).where(eq(auditLog.entityId, a.id))).map((e) => e.action).sort()).toEqual(["created", "deleted"]);
  });
});
