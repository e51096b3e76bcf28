// The rungs of a task's reminder ladder (reminder-ladder.ts), whom each tells and
// how it reads. Apart from the ladder, so a page that names a rung (the task's
// history) does not bring the holiday calendars the ladder schedules with into the browser.
export const reminderRungs = ["due-soon", "due-in-an-hour", "due-now", "overdue", "escalate-to-owner", "escalate-to-managers"] as const;
export type ReminderRung = (typeof reminderRungs)[number];

/** What a rung tells, and whom: the assignee, or those above them. */
export const rungKinds = {
  "due-soon": "due_soon",
  "due-in-an-hour": "due_soon",
  "due-now": "due_soon",
  overdue: "overdue",
  "escalate-to-owner": "escalated",
  "escalate-to-managers": "escalated",
} as const satisfies Record<ReminderRung, string>;

/** The rung in words, for the task's history and the runs page: "the “due soon” reminder". */
export const rungLabels: Record<ReminderRung, string> = {
  "due-soon": "due soon",
  "due-in-an-hour": "due in an hour",
  "due-now": "due now",
  overdue: "overdue",
  "escalate-to-owner": "escalation to the campaign owner",
  "escalate-to-managers": "escalation to the managers",
};
