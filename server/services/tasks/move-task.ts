import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { tasks } from "@/db/schema";
import { AppError, fieldError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { publishChange } from "@/server/realtime/publish-change";
import { findTask, quoted } from "./find-task";
import type { MoveTaskInput } from "./task.schema";
import { assertDependenciesDone } from "./task-dependencies";
import { notifyDependentsReady } from "./task-notifications";
import { enqueueReminderChange } from "@/server/services/reminders/task-reminder-events";
import { positionAfter } from "./task-positions";
import { canMove, startedStatuses, taskStatusLabels } from "./task-status";

/**
 * Moves a card within its column or to another one, writing only its own row.
 * Another column must be a move the status machine allows; starting work needs
 * every dependency done; Blocked needs a reason.
 */
export async function moveTask(db: Database, input: MoveTaskInput & { workspaceId: string; actorId: string }) {
  const { workspaceId, actorId, taskId, status, afterTaskId } = input;
  const blockedReason = input.blockedReason?.trim() || null;
  if (afterTaskId === taskId) throw fieldError("afterTaskId", "A card can't go after itself.");
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    const current = await findTask(tx, { workspaceId, taskId }, { forUpdate: true });
    const statusChanged = current.status !== status;
    if (!canMove(current.status, status)) {
      throw new AppError(
        "BAD_REQUEST",
        `A task can't go from ${taskStatusLabels[current.status]} straight to ${taskStatusLabels[status]}.`,
        { fieldErrors: { status: [`Move it to ${movesHint(current.status)} first.`] } },
      );
    }
    if (statusChanged && status === "blocked" && !blockedReason) throw fieldError("blockedReason", `Say what blocks ${quoted(current.title)}.`);
    if (statusChanged && startedStatuses.includes(status)) await assertDependenciesDone(tx, { workspaceId, taskId, title: current.title });

    const position = await positionAfter(tx, { workspaceId, status, taskId, afterTaskId });
    const changes = {
      status,
      position,
      ...(statusChanged ? { blockedReason: status === "blocked" ? blockedReason : null, completedAt: status === "done" ? new Date() : null } : {}),
      updatedAt: new Date(),
    };
    const [task] = await tx
      .update(tasks)
      .set(changes)
      .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.id, taskId)))
      .returning();
    // Reordering within a column is not history; a change of column is.
    if (statusChanged) {
      await recordAudit(tx, {
        workspaceId,
        actorId,
        entityType: "task",
        entityId: taskId,
        campaignId: task!.campaignId,
        action: "status_changed",
        before: { status: current.status, ...(current.blockedReason ? { blockedReason: current.blockedReason } : {}) },
        after: { status, title: task!.title, ...(task!.blockedReason ? { blockedReason: task!.blockedReason } : {}) },
      });
    }
    await publishChange(tx, { workspaceId, topic: "tasks", ids: [taskId], actorId });
    if (statusChanged && task!.status === "done") await notifyDependentsReady(tx, input, { ...task!, completedAt: task!.completedAt! });
    await enqueueReminderChange(tx, current, task!);
    return task!;
  });
}

function movesHint(from: MoveTaskInput["status"]): string {
  const hints: Record<MoveTaskInput["status"], string> = {
    todo: "In progress",
    in_progress: "In review",
    blocked: "To do or In progress",
    in_review: "In progress",
    done: "To do or In progress",
  };
  return hints[from];
}
