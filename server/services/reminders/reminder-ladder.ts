// When a task's reminders fire, from its due time: before it (the workspace's
// lead time, then an hour before), at it, a business day after it (overdue),
// and then escalations: to the campaign's owner after the workspace's business
// days overdue, and to the managers a business day later. Pure, so the
// reminder flow computes it once in a step and every replay sleeps the same.
import { addBusinessDaysAt } from "@/server/services/timeline/business-days";
import { type ReminderRung, reminderRungs } from "./reminder-rungs";

export interface LadderSettings {
  /** Hours before the due time of the first reminder (the workspace's setting). */
  leadHours: number;
  /** Business days overdue before the escalation to the campaign owner. */
  escalationBusinessDays: number;
  timeZone: string;
  holidayCountry: string | null;
}

export interface LadderStep {
  rung: ReminderRung;
  /** ISO instant. */
  at: string;
}

const HOUR_MS = 3_600_000;
/** A rung this late when planned still fires (the planning step itself takes a moment). */
const GRACE_MS = 60_000;

/**
 * The rungs still to come, in order. Reminders before the due time that have
 * passed are left out. A task already overdue when planned is reminded once,
 * now; escalations whose time has passed are left out, so setting a due date
 * in the past never escalates at once.
 */
export function reminderLadder(dueAt: Date, now: Date, settings: LadderSettings): LadderStep[] {
  const due = dueAt.getTime();
  const at = (rung: ReminderRung): number => {
    switch (rung) {
      case "due-soon":
        return due - settings.leadHours * HOUR_MS;
      case "due-in-an-hour":
        return due - HOUR_MS;
      case "due-now":
        return due;
      case "overdue":
        return addBusinessDaysAt(dueAt, 1, settings.timeZone, settings.holidayCountry).getTime();
      case "escalate-to-owner":
        return addBusinessDaysAt(dueAt, settings.escalationBusinessDays, settings.timeZone, settings.holidayCountry).getTime();
      case "escalate-to-managers":
        return addBusinessDaysAt(dueAt, settings.escalationBusinessDays + 1, settings.timeZone, settings.holidayCountry).getTime();
    }
  };
  const steps: LadderStep[] = [];
  for (const rung of reminderRungs) {
    // A lead time of an hour or less is the hour-before reminder itself.
    if (rung === "due-soon" && settings.leadHours <= 1) continue;
    let time = at(rung);
    if (time < now.getTime() - GRACE_MS) {
      if (rung !== "overdue" || due > now.getTime()) continue;
      time = now.getTime();
    }
    steps.push({ rung, at: new Date(time).toISOString() });
  }
  return steps;
}
