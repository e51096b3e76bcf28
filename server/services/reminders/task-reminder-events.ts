// What a task change means for its reminders, written to the outbox with the
// change: a new schedule (which replaces the waiting reminder run), an end (which
// cancels it), or nothing. Services call this with the task before and after.
import type { Database } from "@/db";
import type { TaskStatus } from "@/db/schema/enum-values";
import { taskDueScheduled, taskRemindersCancelled } from "@/inngest/events";
import { enqueueEvents } from "@/inngest/outbox/enqueue-events";

/** The facts of a task its reminders depend on; null for a task that does not exist (created, deleted). */
export interface ReminderFacts {
  id: string;
  workspaceId: string;
  dueAt: Date | null;
  assigneeId: string | null;
  status: TaskStatus;
}

const reminded = (task: ReminderFacts | null): task is ReminderFacts & { dueAt: Date } => task !== null && task.dueAt !== null && task.status !== "done";

export async function enqueueReminderChange(tx: Database, before: ReminderFacts | null, after: ReminderFacts | null): Promise<void> {
  if (reminded(after)) {
    const unchanged = reminded(before) && before.dueAt.getTime() === after.dueAt.getTime() && before.assigneeId === after.assigneeId;
    if (unchanged) return;
    await enqueueEvents(tx, [
      taskDueScheduled.create({ workspaceId: after.workspaceId, taskId: after.id, dueAt: after.dueAt.toISOString(), assigneeId: after.assigneeId }),
    ]);
  } else if (reminded(before)) {
    await enqueueEvents(tx, [taskRemindersCancelled.create({ workspaceId: before.workspaceId, taskId: before.id })]);
  }
}
