// When a stage's SLA acts, planned once when the stage starts: reminders every
// `remindEveryHours` business hours while the stage is within its time, then at
// the timeout, one timeout apart and in this order, the policy's ladder: remind
// again, escalate, then approve automatically or expire ("wait" adds nothing).
// Pure, so a workflow plans it in a step and every replay waits for the same moments.
import type { ApprovalStagePolicy } from "@/db/schema/enum-values";
import { addBusinessHours, addStageTimeout, type BusinessCalendar } from "../business-time";

export type CheckpointKind = "remind" | "escalate" | "approve" | "expire";

export interface StageCheckpoint {
  /** Names the run's steps ("wait-for-escalation", "escalation"), so it is unique within the plan. */
  name: string;
  kind: CheckpointKind;
  /** ISO instant: plans travel through workflow steps as JSON. */
  at: string;
}

/** More reminders than this before one timeout would be noise (a 1-hour cadence on a 20-day stage). */
export const MAX_REMINDERS = 40;

export function planStageCheckpoints(
  stage: Pick<ApprovalStagePolicy, "remindEveryHours" | "timeout" | "onTimeout">,
  input: { startedAt: Date; dueAt: Date; calendar: BusinessCalendar; now?: Date },
): StageCheckpoint[] {
  const checkpoints: StageCheckpoint[] = [];
  if (stage.remindEveryHours && stage.remindEveryHours > 0) {
    let at = input.startedAt;
    for (let n = 1; n <= MAX_REMINDERS; n++) {
      at = addBusinessHours(at, stage.remindEveryHours, input.calendar);
      if (at >= input.dueAt) break;
      checkpoints.push({ name: `reminder-${n}`, kind: "remind", at: at.toISOString() });
    }
  }
  const ladder: Omit<StageCheckpoint, "at">[] = [];
  if (stage.onTimeout.remind) ladder.push({ name: "timeout-reminder", kind: "remind" });
  const escalateTo = stage.onTimeout.escalateTo;
  if (escalateTo && escalateTo.userIds.length + escalateTo.roles.length > 0) ladder.push({ name: "escalation", kind: "escalate" });
  if (stage.onTimeout.then === "approve") ladder.push({ name: "auto-approval", kind: "approve" });
  if (stage.onTimeout.then === "expire") ladder.push({ name: "expiry", kind: "expire" });
  let at = input.dueAt;
  ladder.forEach((rung, index) => {
    if (index > 0) at = addStageTimeout(at, stage.timeout, input.calendar);
    checkpoints.push({ ...rung, at: at.toISOString() });
  });
  return input.now ? withoutStaleReminders(checkpoints, input.now) : checkpoints;
}

/**
 * A plan made late (a stage started in the past, or a run that starts after
 * downtime) keeps, of the reminders already due, only the last before the next
 * checkpoint that is due: one reminder, not a burst of them at once.
 */
function withoutStaleReminders(checkpoints: StageCheckpoint[], now: Date): StageCheckpoint[] {
  return checkpoints.filter((checkpoint, index) => {
    const next = checkpoints[index + 1];
    return !(checkpoint.kind === "remind" && next && new Date(next.at) <= now);
  });
}
