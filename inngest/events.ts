// The app's events, with the schema each one's data must match. Services write
// them into the outbox inside their transaction (inngest/outbox); functions use
// them as typed triggers.
import { eventType } from "inngest";
import { z } from "zod";

export const workspaceCreated = eventType("workspace/created", {
  schema: z.object({ workspaceId: z.uuid(), actorId: z.uuid() }),
});

export const memberInvited = eventType("member/invited", {
  schema: z.object({ workspaceId: z.uuid(), invitationId: z.uuid() }),
});

/** A task's reminders start again: it got a due date, a new one, a new assignee, or was reopened. Replaces the waiting run. */
export const taskDueScheduled = eventType("task/due.scheduled", {
  schema: z.object({ workspaceId: z.uuid(), taskId: z.uuid(), dueAt: z.iso.datetime(), assigneeId: z.uuid().nullable() }),
});

/** A task's reminders stop: it was done, deleted, or lost its due date. Cancels the waiting run. */
export const taskRemindersCancelled = eventType("task/reminders.cancelled", {
  schema: z.object({ workspaceId: z.uuid(), taskId: z.uuid() }),
});

/** A member has notification emails waiting; one run sends them together (inngest/functions/send-notification-emails.ts). */
export const notificationEmailQueued = eventType("notification/email.queued", {
  schema: z.object({ workspaceId: z.uuid(), userId: z.uuid(), batchId: z.uuid() }),
});

/** A member's daily "today's work" email is due for their local date (period "2026-11-30"). The event id is the period's key. */
export const dailyDigestDue = eventType("digest/daily.due", {
  schema: z.object({ workspaceId: z.uuid(), userId: z.uuid(), period: z.iso.date() }),
});

/** A campaign owner's weekly summary is due for an ISO week (period "2026-W49"). The event id is the period's key. */
export const weeklyDigestDue = eventType("digest/weekly.due", {
  schema: z.object({ workspaceId: z.uuid(), userId: z.uuid(), period: z.string().regex(/^\d{4}-W\d{2}$/) }),
});

/** A stage of an approval request starts waiting on its approvers (a new round). Its SLA run waits for the round to end. */
export const approvalStageStarted = eventType("approval/stage.started", {
  schema: z.object({ workspaceId: z.uuid(), requestId: z.uuid(), round: z.number().int().min(1) }),
});

/** A round of an approval request ended: decided, sent back, restarted on a new version, expired or withdrawn. */
export const approvalStageEnded = eventType("approval/stage.ended", {
  schema: z.object({ workspaceId: z.uuid(), requestId: z.uuid(), round: z.number().int().min(1) }),
});

export type AppEvent =
  | ReturnType<typeof workspaceCreated.create>
  | ReturnType<typeof memberInvited.create>
  | ReturnType<typeof taskDueScheduled.create>
  | ReturnType<typeof taskRemindersCancelled.create>
  | ReturnType<typeof notificationEmailQueued.create>
  | ReturnType<typeof dailyDigestDue.create>
  | ReturnType<typeof weeklyDigestDue.create>
  | ReturnType<typeof approvalStageStarted.create>
  | ReturnType<typeof approvalStageEnded.create>;
