import type { Database } from "@/db";
import { tasks } from "@/db/schema";
import { fieldError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { publishChange } from "@/server/realtime/publish-change";
import { assertTaskLinks } from "./assert-task-links";
import { taskAuditView } from "./find-task";
import type { CreateTaskInput } from "./task.schema";
import { addDependencies, assertDependenciesDone } from "./task-dependencies";
import { dueInstant, dueWarnings } from "./task-due";
import { bottomPosition } from "./task-positions";
import { notifyAssigned } from "./task-notifications";
import { enqueueReminderChange } from "@/server/services/reminders/task-reminder-events";
import { startedStatuses } from "./task-status";

/** Adds a task at the bottom of its column. `warnings` says when it is due before something it waits on. */
export async function createTask(db: Database, input: CreateTaskInput & { workspaceId: string; actorId: string; now?: Date }) {
  const { workspaceId, actorId, dependsOnIds = [], due, status = "todo", ...fields } = input;
  const dueAt = dueInstant(due) ?? null;
  if (dueAt && dueAt.getTime() < (input.now ?? new Date()).getTime()) throw fieldError("due", "A new task can't be due in the past. Pick a later time.");
  if (status === "blocked") throw fieldError("status", "Create the task first, then move it to Blocked with the reason.");
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    await assertTaskLinks(tx, workspaceId, fields);
    const [task] = await tx
      .insert(tasks)
      .values({
        workspaceId,
        title: fields.title,
        description: fields.description ?? "",
        priority: fields.priority ?? "medium",
        assigneeId: fields.assigneeId ?? null,
        dueAt,
        estimateHours: fields.estimateHours ?? null,
        requiredSkills: fields.requiredSkills ?? [],
        campaignId: fields.campaignId ?? null,
        milestoneId: fields.milestoneId ?? null,
        contentItemId: fields.contentItemId ?? null,
        status,
        completedAt: status === "done" ? new Date() : null,
        position: await bottomPosition(tx, { workspaceId, status }),
        createdById: actorId,
      })
      .returning();
    await addDependencies(tx, { workspaceId, taskId: task!.id, title: task!.title, dependsOnIds });
    if (startedStatuses.includes(status)) await assertDependenciesDone(tx, { workspaceId, taskId: task!.id, title: task!.title });
    await recordAudit(tx, {
      workspaceId,
      actorId,
      entityType: "task",
      entityId: task!.id,
      campaignId: task!.campaignId,
      action: "created",
      after: { ...taskAuditView(task!), ...(dependsOnIds.length ? { dependsOnIds } : {}) },
    });
    await publishChange(tx, { workspaceId, topic: "tasks", ids: [task!.id], actorId });
    if (task!.assigneeId) await notifyAssigned(tx, input, [{ task: task!, assigneeId: task!.assigneeId, at: task!.createdAt }]);
    await enqueueReminderChange(tx, null, task!);
    return { task: task!, warnings: await dueWarnings(tx, { workspaceId, taskId: task!.id, dueAt }) };
  });
}
