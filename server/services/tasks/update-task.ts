import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { tasks } from "@/db/schema";
import { changedFields, recordAudit } from "@/server/services/audit/record-audit";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { publishChange } from "@/server/realtime/publish-change";
import { assertTaskLinks } from "./assert-task-links";
import { findTask, taskAuditView } from "./find-task";
import type { UpdateTaskInput } from "./task.schema";
import { dueInstant, dueWarnings } from "./task-due";
import { notifyAssigned } from "./task-notifications";
import { enqueueReminderChange } from "@/server/services/reminders/task-reminder-events";

/**
 * Edits a task's fields (not its column: see moveTask). A person choosing the
 * assignee by hand drops the reason auto-assignment gave. `warnings` says when
 * the task is now due before something it waits on.
 */
export async function updateTask(db: Database, input: UpdateTaskInput & { workspaceId: string; actorId: string }) {
  const { workspaceId, actorId, taskId, due, ...fields } = input;
  const dueAt = dueInstant(due);
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    const current = await findTask(tx, { workspaceId, taskId }, { forUpdate: true });
    const campaignId = fields.campaignId === undefined ? current.campaignId : fields.campaignId;
    // A task moved to another campaign (or none) keeps no milestone or content item of the old one.
    const campaignChanged = fields.campaignId !== undefined && fields.campaignId !== current.campaignId;
    const changes = {
      ...fields,
      ...(dueAt !== undefined ? { dueAt } : {}),
      ...(campaignChanged ? { milestoneId: fields.milestoneId ?? null, contentItemId: fields.contentItemId ?? null } : {}),
      ...(fields.assigneeId !== undefined && fields.assigneeId !== current.assigneeId ? { assignmentReason: null } : {}),
    };
    await assertTaskLinks(tx, workspaceId, {
      campaignId,
      milestoneId: changes.milestoneId === undefined ? current.milestoneId : changes.milestoneId,
      contentItemId: changes.contentItemId === undefined ? current.contentItemId : changes.contentItemId,
      assigneeId: fields.assigneeId !== undefined && fields.assigneeId !== current.assigneeId ? fields.assigneeId : undefined,
      requiredSkills: fields.requiredSkills,
    });
    const diff = changedFields(taskAuditView(current), changes);
    if (!diff.changed) return { task: current, warnings: [] };
    const [task] = await tx
      .update(tasks)
      .set({ ...changes, updatedAt: new Date() })
      .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.id, taskId)))
      .returning();
    await recordAudit(tx, { workspaceId, actorId, entityType: "task", entityId: taskId, campaignId: task!.campaignId, action: "updated", before: diff.before, after: diff.after });
    await publishChange(tx, { workspaceId, topic: "tasks", ids: [taskId], actorId });
    if (task!.assigneeId && task!.assigneeId !== current.assigneeId) await notifyAssigned(tx, input, [{ task: task!, assigneeId: task!.assigneeId, at: task!.updatedAt }]);
    await enqueueReminderChange(tx, current, task!);
    return { task: task!, warnings: dueAt !== undefined ? await dueWarnings(tx, { workspaceId, taskId, dueAt: task!.dueAt }) : [] };
  });
}
