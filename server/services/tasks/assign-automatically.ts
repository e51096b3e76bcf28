// "Assign automatically" on one task or on every unassigned open task of a
// campaign: who gets each is decided by chooseAssignees (the rules are there),
// from one set-based read of the team; the picks are written in one statement,
// audited, announced to open boards and each assignee notified, all in one transaction.
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db";
import { auditLog, campaigns, tasks, users } from "@/db/schema";
import { publishChange } from "@/server/realtime/publish-change";
import { AppError } from "@/server/errors";
import { resolveViewer, todayIn } from "@/server/services/date-time";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { planningSettings } from "@/server/services/settings/planning-settings";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { weekStartOf } from "@/server/services/team/capacity-weeks";
import { loadTeamCapacity } from "@/server/services/team/load-team-capacity";
import { addDays } from "@/server/services/timeline/business-days";
import { chooseAssignees } from "./choose-assignees";
import { notifyAssigned } from "./task-notifications";
import { enqueueReminderChanges } from "@/server/services/reminders/task-reminder-events";

type Scope = { workspaceId: string; actorId: string; now?: Date };

const taskColumns = {
  id: tasks.id,
  title: tasks.title,
  campaignId: tasks.campaignId,
  status: tasks.status,
  assigneeId: tasks.assigneeId,
  requiredSkills: tasks.requiredSkills,
  estimateHours: tasks.estimateHours,
  dueAt: tasks.dueAt,
};
type LockedTask = Pick<typeof tasks.$inferSelect, keyof typeof taskColumns>;

export interface AssignedTask {
  taskId: string;
  title: string;
  assigneeId: string;
  assigneeName: string;
  reason: string;
}
export interface UnassignedTask {
  taskId: string;
  title: string;
  reason: string;
}

/**
 * Decides assignees for `locked` (tasks the caller's transaction has locked in id
 * order) and writes them. Earlier due dates choose first, so a batch gives its
 * most urgent work the most room. Reasons are written in the actor's chosen
 * language (else the default): they write them for the team, as an inviter does.
 */
async function decideAndWrite(tx: Transaction, scope: Scope, locked: LockedTask[]) {
  const now = scope.now ?? new Date();
  const { timeZone } = await planningSettings(tx, scope);
  const [actor] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, scope.actorId));
  const locale = resolveViewer({ preferredLocale: actor?.locale }).locale;

  const ordered = [...locked].sort((a, b) => (a.dueAt?.getTime() ?? now.getTime()) - (b.dueAt?.getTime() ?? now.getTime()) || (a.id < b.id ? -1 : 1));
  const mondays = ordered.map((task) => weekStartOf(todayIn(timeZone, task.dueAt ?? now)));
  const from = mondays.reduce((a, b) => (a < b ? a : b));
  const to = addDays(mondays.reduce((a, b) => (a > b ? a : b)), 7);
  const team = await loadTeamCapacity(tx, { workspaceId: scope.workspaceId, from, to });
  const decisions = chooseAssignees(team, ordered, { locale, now });

  const titles = new Map(locked.map((task) => [task.id, task]));
  const assigned: AssignedTask[] = [];
  const unassigned: UnassignedTask[] = [];
  for (const decision of decisions) {
    const title = titles.get(decision.taskId)!.title;
    if (decision.assigneeId === null) unassigned.push({ taskId: decision.taskId, title, reason: decision.refusal });
    else assigned.push({ taskId: decision.taskId, title, assigneeId: decision.assigneeId, assigneeName: decision.assigneeName, reason: decision.reason });
  }
  if (assigned.length > 0) await writeAssignments(tx, scope, assigned, titles);
  return { assigned, unassigned };
}

/**
 * One UPDATE for the whole batch and its audit entries in one INSERT, each fed
 * one JSON parameter (a thousand rows as bound values cost more to send than to
 * write), and one change notice.
 */
async function writeAssignments(tx: Transaction, scope: Scope, assigned: AssignedTask[], locked: Map<string, LockedTask>) {
  const picks = JSON.stringify(assigned.map((task) => ({ id: task.taskId, assignee_id: task.assigneeId, reason: task.reason, campaign_id: locked.get(task.taskId)!.campaignId })));
  await tx.execute(sql`
    update ${tasks} set assignee_id = picked.assignee_id, assignment_reason = picked.reason, updated_at = now()
    from jsonb_to_recordset(${picks}::jsonb) as picked (id uuid, assignee_id uuid, reason text)
    where ${tasks.id} = picked.id and ${tasks.workspaceId} = ${scope.workspaceId}`);
  // The same entries recordAudit would write, built by the database from the picks.
  await tx.execute(sql`
    insert into ${auditLog} (workspace_id, actor_id, entity_type, entity_id, campaign_id, action, before, after)
    select ${scope.workspaceId}, ${scope.actorId}, 'task', picked.id::text, picked.campaign_id, 'assigned_automatically',
      jsonb_build_object('assigneeId', null, 'assignmentReason', null),
      jsonb_build_object('assigneeId', picked.assignee_id, 'assignmentReason', picked.reason)
    from jsonb_to_recordset(${picks}::jsonb) as picked (id uuid, assignee_id uuid, reason text, campaign_id uuid)`);
  await publishChange(tx, { workspaceId: scope.workspaceId, topic: "tasks", ids: assigned.map((task) => task.taskId), actorId: scope.actorId });
  const at = new Date();
  await notifyAssigned(
    tx,
    scope,
    assigned.map((task) => ({ task: { id: task.taskId, title: task.title, campaignId: locked.get(task.taskId)!.campaignId }, assigneeId: task.assigneeId, at, automatic: true })),
  );
  await enqueueReminderChanges(
    tx,
    assigned.map((task) => {
      const before = { ...locked.get(task.taskId)!, workspaceId: scope.workspaceId };
      return { before, after: { ...before, assigneeId: task.assigneeId } };
    }),
  );
}

/** Assigns one unassigned open task to whoever fits best; refuses (CONFLICT) with why when no one does, and changes nothing. */
export async function assignTaskAutomatically(db: Database, input: Scope & { taskId: string }): Promise<AssignedTask> {
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    const [task] = await tx
      .select(taskColumns)
      .from(tasks)
      .where(and(eq(tasks.workspaceId, input.workspaceId), eq(tasks.id, input.taskId)))
      .for("update");
    if (!task) throw new AppError("NOT_FOUND", "That task does not exist in this workspace. It may have been deleted.");
    if (task.status === "done") throw new AppError("CONFLICT", "This task is done: there is no one to assign.");
    if (task.assigneeId) {
      const [assignee] = await tx.select({ name: users.name }).from(users).where(eq(users.id, task.assigneeId));
      throw new AppError("CONFLICT", `This task is already assigned to ${assignee?.name ?? "someone"}. Unassign it first to have it assigned automatically.`);
    }
    const { assigned, unassigned } = await decideAndWrite(tx, input, [task]);
    if (unassigned[0]) throw new AppError("CONFLICT", `${unassigned[0].reason}.`);
    return assigned[0]!;
  });
}

/**
 * Assigns every unassigned open task of a campaign in one run, spreading the
 * load: each pick counts the ones before it. Tasks no one fits stay unassigned
 * and come back with why. Locks the campaign, then its tasks in id order, so two
 * runs on one campaign queue, and the second sees what the first assigned.
 */
export async function assignCampaignAutomatically(
  db: Database,
  input: Scope & { campaignId: string },
): Promise<{ assigned: AssignedTask[]; unassigned: UnassignedTask[] }> {
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    const [campaign] = await tx
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.workspaceId, input.workspaceId), eq(campaigns.id, input.campaignId)))
      .for("share");
    if (!campaign) throw new AppError("NOT_FOUND", "That campaign does not exist in this workspace. It may have been deleted.");
    const locked = await tx
      .select(taskColumns)
      .from(tasks)
      .where(and(eq(tasks.workspaceId, input.workspaceId), eq(tasks.campaignId, input.campaignId), isNull(tasks.assigneeId), ne(tasks.status, "done")))
      .orderBy(asc(tasks.id))
      .for("update");
    if (locked.length === 0) return { assigned: [], unassigned: [] };
    const { assigned, unassigned } = await decideAndWrite(tx, input, locked);
    return { assigned, unassigned };
  });
}
