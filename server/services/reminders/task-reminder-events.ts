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

type Change = { before: ReminderFacts | null; after: ReminderFacts | null };

function eventFor({ before, after }: Change) {
  if (reminded(after)) {
    const unchanged = reminded(before) && before.dueAt.getTime() === after.dueAt.getTime() && before.assigneeId === after.assigneeId;
    if (unchanged) return null;
    return taskDueScheduled.create({ workspaceId: after.workspaceId, taskId: after.id, dueAt: after.dueAt.toISOString(), assigneeId: after.assigneeId });
  }
  return reminded(before) ? taskRemindersCancelled.create({ workspaceId: before.workspaceId, taskId: before.id }) : null;
}

/** The events for many tasks' changes (a generated plan, a batch of assignments), in one write. */
export async function enqueueReminderChanges(tx: Database, changes: Change[]): Promise<void> {
  await enqueueEvents(tx, changes.map(eventFor).filter((event) => event !== null));
}

export async function enqueueReminderChange(tx: Database, before: ReminderFacts | null, after: ReminderFacts | null): Promise<void> {
  await enqueueReminderChanges(tx, [{ before, after }]);
}
