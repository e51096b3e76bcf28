// "task/due.scheduled": the task's reminder ladder (see
// server/services/reminders/reminder-ladder.ts). The ladder is planned in a
// step, so every replay sleeps until the same moments; each rung re-reads the
// task when it fires and tells people only what still holds. A newer schedule
// for the task (a new due date or assignee) replaces this run, and
// "task/reminders.cancelled" (done, deleted, no due date) ends it: the waiting
// sleep is cancelled, not skipped later.
import type { Inngest } from "inngest";
import { type Database, getDb } from "@/db";
import { planTaskReminders } from "@/server/services/reminders/plan-task-reminders";
import { sendTaskReminder } from "@/server/services/reminders/send-task-reminder";
import { inngest } from "../client";
import { taskDueScheduled, taskRemindersCancelled } from "../events";

/** The function on a client and database of the caller's choosing (tests drive it on their own). */
export function remindTaskDueFunction(client: Inngest, database: () => Promise<Database>) {
  return client.createFunction(
    {
      id: "remind-task-due",
      name: "Remind of a task's due date",
      triggers: [taskDueScheduled],
      cancelOn: [
        { event: taskDueScheduled, match: "data.taskId" },
        { event: taskRemindersCancelled, match: "data.taskId" },
      ],
    },
    async ({ event, step }) => {
      const ladder = await step.run("plan-reminders", async () => planTaskReminders(await database(), event.data));
      const outcomes: Record<string, unknown> = {};
      for (const { rung, at } of ladder) {
        await step.sleepUntil(`wait-for-${rung}`, at);
        outcomes[rung] = await step.run(`send-${rung}`, async () => sendTaskReminder(await database(), { ...event.data, rung }));
      }
      return outcomes;
    },
  );
}

export const remindTaskDue = remindTaskDueFunction(inngest, getDb);
