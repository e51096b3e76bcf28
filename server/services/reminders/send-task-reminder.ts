// One rung of a task's reminder ladder, when it fires: re-reads the task and
// tells people only if what the rung reminds of still holds (the task exists,
// is not done, and is still due when the ladder was planned for). Recipients:
// the assignee for reminders; the campaign's owner, then the managers, for
// escalations. Each notification's key names the task, the due time, the kind
// and the person, so a retried step, a rescheduled ladder or a second
// escalation path never tells anyone the same thing twice. What was sent goes
// into the task's history in the same transaction.
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { campaigns, memberships, tasks, users, workspaces } from "@/db/schema";
import { recordAudit } from "@/server/services/audit/record-audit";
import { notify } from "@/server/services/notifications/notify";
import { type ReminderRung, rungKinds } from "./reminder-rungs";

export interface TaskReminderInput {
  workspaceId: string;
  taskId: string;
  /** The due time the ladder was planned for (ISO). */
  dueAt: string;
  rung: ReminderRung;
}

export type TaskReminderOutcome = { sent: string[] } | { skipped: string };

interface ReminderTask {
  id: string;
  title: string;
  status: string;
  dueAt: Date | null;
  assigneeId: string | null;
  assigneeName: string | null;
  campaignId: string | null;
  ownerId: string | null;
}

function titleFor(rung: ReminderRung, task: ReminderTask, escalationBusinessDays: number): string {
  const name = `“${task.title}”`;
  switch (rung) {
    case "due-soon":
      return `${name} is due soon`;
    case "due-in-an-hour":
      return `${name} is due in an hour`;
    case "due-now":
      return `${name} is due now`;
    case "overdue":
      return `${name} is overdue`;
    case "escalate-to-owner":
    case "escalate-to-managers": {
      const days = `${escalationBusinessDays} business day${escalationBusinessDays === 1 ? "" : "s"}`;
      return `${name} is over ${days} overdue${task.assigneeName ? ` (assigned to ${task.assigneeName})` : " and no one is assigned"}`;
    }
  }
}

/** The people a rung tells; the assignee is never escalated to. */
async function recipientsOf(tx: Database, workspaceId: string, rung: ReminderRung, task: ReminderTask): Promise<string[]> {
  if (rungKinds[rung] !== "escalated") return task.assigneeId ? [task.assigneeId] : [];
  const above = (ids: string[]) => ids.filter((id) => id !== task.assigneeId);
  if (rung === "escalate-to-owner" && task.ownerId && above([task.ownerId]).length > 0) return [task.ownerId];
  // No owner to tell (no campaign, or the owner is the assignee): the managers hear of it, as they would next.
  const managers = await tx
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.role, ["manager", "admin"])));
  const onlyManagers = managers.filter((member) => member.role === "manager").map((member) => member.userId);
  // A workspace without managers has its admins.
  return above(onlyManagers.length > 0 ? onlyManagers : managers.map((member) => member.userId));
}

export async function sendTaskReminder(db: Database, input: TaskReminderInput): Promise<TaskReminderOutcome> {
  return db.transaction(async (tx) => {
    // Shares the row with other readers but waits for a change in flight: a task completed at this moment is seen done.
    const [task] = await tx
      .select({
        id: tasks.id,
        title: tasks.title,
        status: tasks.status,
        dueAt: tasks.dueAt,
        assigneeId: tasks.assigneeId,
        assigneeName: users.name,
        campaignId: tasks.campaignId,
        ownerId: campaigns.ownerId,
      })
      .from(tasks)
      .leftJoin(users, eq(users.id, tasks.assigneeId))
      .leftJoin(campaigns, eq(campaigns.id, tasks.campaignId))
      .where(and(eq(tasks.id, input.taskId), eq(tasks.workspaceId, input.workspaceId)))
      .for("share", { of: tasks });
    if (!task) return { skipped: "the task was deleted" };
    if (task.status === "done") return { skipped: "the task is done" };
    if (task.dueAt?.getTime() !== new Date(input.dueAt).getTime()) return { skipped: "the due date changed" };

    const recipients = await recipientsOf(tx, input.workspaceId, input.rung, task);
    if (recipients.length === 0) return { skipped: rungKinds[input.rung] === "escalated" ? "there is no one to escalate to" : "no one is assigned" };
    const [settings] = await tx
      .select({ escalationBusinessDays: workspaces.escalationBusinessDays })
      .from(workspaces)
      .where(eq(workspaces.id, input.workspaceId));
    const kind = rungKinds[input.rung];
    const title = titleFor(input.rung, task, settings?.escalationBusinessDays ?? 2);
    const told: string[] = [];
    for (const userId of recipients) {
      const id = await notify(tx, {
        workspaceId: input.workspaceId,
        userId,
        kind,
        actorId: null,
        taskId: task.id,
        campaignId: task.campaignId,
        title,
        link: `/tasks/${task.id}`,
        // Per due time, kind and person: the due-soon and hour-before reminders are told apart by the rung.
        dedupeKey: `reminder:${task.id}:${input.dueAt}:${kind === "escalated" ? "escalated" : input.rung}:${userId}`,
      });
      if (id) told.push(userId);
    }
    if (told.length === 0) return { skipped: "everyone was told before, or turned this kind off" };
    const names = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, told));
    const sentTo = told.map((id) => names.find((row) => row.id === id)?.name ?? "a former member");
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actorId: null,
      entityType: "task",
      entityId: task.id,
      campaignId: task.campaignId,
      action: kind === "escalated" ? "escalated" : "reminded",
      after: { rung: input.rung, recipients: sentTo },
    });
    return { sent: sentTo };
  });
}
