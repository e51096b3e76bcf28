import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { tasks } from "@/db/schema";
import { recordAudit } from "@/server/services/audit/record-audit";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { publishChange } from "@/server/realtime/publish-change";
import { findTask, taskAuditView } from "./find-task";
import { enqueueReminderChange } from "@/server/services/reminders/task-reminder-events";

/** Deletes a task with its comments and dependencies; tasks that waited on it no longer do. Its history stays. */
export async function deleteTask(db: Database, input: { workspaceId: string; actorId: string; taskId: string }) {
  const { workspaceId, actorId, taskId } = input;
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    const current = await findTask(tx, { workspaceId, taskId }, { forUpdate: true });
    await tx.delete(tasks).where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.id, taskId)));
    await recordAudit(tx, { workspaceId, actorId, entityType: "task", entityId: taskId, campaignId: current.campaignId, action: "deleted", before: taskAuditView(current) });
    await publishChange(tx, { workspaceId, topic: "tasks", ids: [taskId], actorId });
    await enqueueReminderChange(tx, current, null);
    return { taskId, title: current.title };
  });
}
