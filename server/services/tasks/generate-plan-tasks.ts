import { and, eq, isNotNull } from "drizzle-orm";
import type { Database } from "@/db";
import { type Campaign, type Milestone, taskDependencies, tasks } from "@/db/schema";
import { publishChange } from "@/server/realtime/publish-change";
import { planningSettings } from "@/server/services/settings/planning-settings";
import { findTemplate } from "@/server/services/timeline/find-template";
import { planTasks } from "@/server/services/timeline/plan-tasks";
import { bottomPositions } from "./task-positions";
import { enqueueReminderChanges } from "@/server/services/reminders/task-reminder-events";

// A campaign's work plan from its template, inside the caller's transaction (the
// caller writes the one audit entry): the tasks at the bottom of the board's
// "To do" column, linked to their milestones, with their dependencies.

async function planFor(tx: Database, campaign: Campaign, milestones: Milestone[]) {
  const settings = await planningSettings(tx, { workspaceId: campaign.workspaceId });
  const template = await findTemplate(tx, { workspaceId: campaign.workspaceId, type: campaign.type });
  return planTasks({
    tasks: template.tasks,
    channels: campaign.channels,
    milestones,
    launchDate: campaign.launchDate,
    country: settings.holidayCountry,
    timeZone: settings.timeZone,
  });
}

/** Inserts the template's tasks for a new campaign whose milestones are `milestones`. */
export async function generatePlanTasks(tx: Database, input: { campaign: Campaign; milestones: Milestone[]; actorId: string }) {
  const { campaign } = input;
  const planned = await planFor(tx, campaign, input.milestones);
  if (planned.length === 0) return [];

  const positions = await bottomPositions(tx, { workspaceId: campaign.workspaceId, status: "todo" }, planned.length);
  const rows = await tx
    .insert(tasks)
    .values(
      planned.map((task, i) => ({
        workspaceId: campaign.workspaceId,
        campaignId: campaign.id,
        milestoneId: task.milestoneId,
        title: task.title,
        dueAt: task.dueAt,
        estimateHours: task.estimateHours,
        requiredSkills: task.skills,
        position: positions[i]!,
        templateKey: task.key,
        createdById: input.actorId,
      })),
    )
    .returning();
  const idByKey = new Map(rows.map((row) => [row.templateKey!, row.id]));
  const edges = planned.flatMap((task) =>
    task.dependsOn.map((key) => ({ workspaceId: campaign.workspaceId, taskId: idByKey.get(task.key)!, dependsOnId: idByKey.get(key)! })),
  );
  if (edges.length > 0) await tx.insert(taskDependencies).values(edges);
  await publishChange(tx, { workspaceId: campaign.workspaceId, topic: "tasks", ids: rows.map((row) => row.id), actorId: input.actorId });
  await enqueueReminderChanges(tx, rows.map((row) => ({ before: null, after: row })));
  return rows;
}

/**
 * After a campaign's timeline is regenerated: the tasks made from its template
 * are linked to the new milestone of their name, and the ones not done are
 * re-dated from it; tasks people added themselves are left as they are.
 * Nothing is added back (a template task the team deleted stays deleted), unless
 * the campaign has no template tasks at all, when it gets the whole plan.
 */
export async function replanTasks(tx: Database, input: { campaign: Campaign; milestones: Milestone[]; actorId: string }) {
  const { campaign } = input;
  const existing = await tx
    .select({
      id: tasks.id,
      workspaceId: tasks.workspaceId,
      templateKey: tasks.templateKey,
      status: tasks.status,
      dueAt: tasks.dueAt,
      assigneeId: tasks.assigneeId,
      milestoneId: tasks.milestoneId,
    })
    .from(tasks)
    .where(and(eq(tasks.workspaceId, campaign.workspaceId), eq(tasks.campaignId, campaign.id), isNotNull(tasks.templateKey)))
    .orderBy(tasks.id);
  if (existing.length === 0) return { created: (await generatePlanTasks(tx, input)).length, redated: 0 };

  const plannedByKey = new Map((await planFor(tx, campaign, input.milestones)).map((task) => [task.key, task]));
  const changed: string[] = [];
  const redatedTasks: { before: (typeof existing)[number]; after: (typeof existing)[number] }[] = [];
  let redated = 0;
  for (const task of existing) {
    const planned = plannedByKey.get(task.templateKey!);
    if (!planned) continue;
    // The old milestones are gone (their tasks' links went with them): every template task finds its new one.
    const done = task.status === "done";
    const dueAt = done ? task.dueAt : planned.dueAt;
    if (task.dueAt?.getTime() === dueAt?.getTime() && task.milestoneId === planned.milestoneId) continue;
    await tx
      .update(tasks)
      .set({ dueAt, milestoneId: planned.milestoneId, updatedAt: new Date() })
      .where(and(eq(tasks.id, task.id), eq(tasks.workspaceId, campaign.workspaceId)));
    changed.push(task.id);
    if (!done) redated++;
    redatedTasks.push({ before: task, after: { ...task, dueAt } });
  }
  if (changed.length > 0) await publishChange(tx, { workspaceId: campaign.workspaceId, topic: "tasks", ids: changed, actorId: input.actorId });
  await enqueueReminderChanges(tx, redatedTasks);
  return { created: 0, redated };
}

/** How a generated plan shows in the campaign's history: one entry for the whole plan. */
export function planAuditView(rows: { title: string; dueAt: Date | null }[]) {
  return rows.map((row) => ({ title: row.title, dueAt: row.dueAt?.toISOString() ?? null }));
}
