import type { WorkflowRunStatus } from "@/db/schema";

// A run in plain words, for the Runs pages: who or what it is about, and where it
// stands. The raw event, ids and JSON stay on the page behind "details".

/** What a run's sentence is made of; the names come from the run's workspace and trigger. */
export interface RunFacts {
  functionId: string;
  functionName: string;
  eventName: string | null;
  status: WorkflowRunStatus;
  /** The run's workspace, when it has one. */
  workspaceName: string | null;
  /** The invited address, for runs started by an invitation. */
  inviteeEmail: string | null;
  /** The task's title, for runs about a task (reminders). */
  taskTitle: string | null;
  /** What the approval request a run is about asks to approve (an SLA run). */
  approvalTitle: string | null;
  /** The member's name, for runs about one member (notification emails, digests). */
  memberName: string | null;
  /** The name of the step a sleeping or waiting run is paused at, and when it wakes. */
  pausedStep: string | null;
  wakesAt: Date | null;
}

export interface RunSummary {
  /** "Welcome email for Acme, follow-up sleeping until": the sentence up to the wake time. */
  text: string;
  /** When a sleeping or waiting run carries on; the page writes it after `text`. */
  until: Date | null;
}

const eventLabels: Record<string, string> = {
  "member/invited": "a teammate was invited",
  "workspace/created": "a workspace was created",
  "task/due.scheduled": "a task's due date was set",
  "approval/stage.started": "an approval stage started",
};

// The app's id (inngest/client.ts), which services may not import.
const APP_ID = "crescendo";

/** The function's own id: Inngest stores it behind the app's id ("crescendo-welcome-workspace"). */
function localId(functionId: string): string {
  return functionId.startsWith(`${APP_ID}-`) ? functionId.slice(APP_ID.length + 1) : functionId;
}

/** " for Tom Becker in Acme", as much of it as is known. */
function forMember(facts: RunFacts): string {
  return `${facts.memberName ? ` for ${facts.memberName}` : ""}${facts.workspaceName ? ` in ${facts.workspaceName}` : ""}`;
}

/** What a run is about, by function id; other functions are named by their name and trigger. */
function subject(facts: RunFacts): string {
  switch (localId(facts.functionId)) {
    case "send-invitation-email":
      return facts.inviteeEmail ? `Invitation email to ${facts.inviteeEmail}` : "Invitation email";
    case "welcome-workspace":
      return facts.workspaceName ? `Welcome email for ${facts.workspaceName}` : "Welcome email";
    case "send-notification-emails":
      return facts.memberName ? `Notifications for ${facts.memberName}` : "Notifications for a former member";
    case "remind-task-due":
      return facts.taskTitle ? `Reminders for “${facts.taskTitle}”` : "Reminders for a deleted task";
    case "approval-stage-sla":
      return facts.approvalTitle ? `Approval deadlines for “${facts.approvalTitle}”` : "Approval deadlines for a deleted request";
    case "approval-expire-past-publish":
      return "Looking for approvals past their publish time";
    case "find-due-digests":
      return "Looking for digests that are due";
    case "send-daily-digest":
      return `Today's work email${forMember(facts)}`;
    case "send-weekly-digest":
      return `Weekly campaign summary${forMember(facts)}`;
    default: {
      const trigger = facts.eventName ? (eventLabels[facts.eventName] ?? "an event came in") : null;
      return trigger ? `${facts.functionName}, because ${trigger}` : facts.functionName;
    }
  }
}

/** What a known paused step is waiting to do, in words; unknown steps say nothing more. */
const pausedSteps: Record<string, string> = {
  "welcome-workspace/wait-two-business-days": "follow-up",
  "send-notification-emails/wait-until-send-time": "email",
  "remind-task-due/wait-for-due-soon": "“due soon” reminder",
  "remind-task-due/wait-for-due-in-an-hour": "“due in an hour” reminder",
  "remind-task-due/wait-for-due-now": "“due now” reminder",
  "remind-task-due/wait-for-overdue": "“overdue” reminder",
  "remind-task-due/wait-for-escalate-to-owner": "escalation to the campaign owner",
  "remind-task-due/wait-for-escalate-to-managers": "escalation to the managers",
  "approval-stage-sla/wait-for-timeout-reminder": "reminder at the timeout",
  "approval-stage-sla/wait-for-escalation": "escalation",
  "approval-stage-sla/wait-for-auto-approval": "automatic approval",
  "approval-stage-sla/wait-for-expiry": "expiry",
};

/** The paused step in words: the table above, or one of a stage's numbered reminders. */
function pausedWhat(facts: RunFacts): string | undefined {
  if (!facts.pausedStep) return undefined;
  const id = localId(facts.functionId);
  if (id === "approval-stage-sla" && /^wait-for-reminder-\d+$/.test(facts.pausedStep)) return "reminder";
  return pausedSteps[`${id}/${facts.pausedStep}`];
}

function state(facts: RunFacts): string {
  const what = pausedWhat(facts);
  const prefix = what ? `${what} ` : "";
  switch (facts.status) {
    case "queued":
      return "waiting to start";
    case "running":
      return "running now";
    case "sleeping":
      return facts.wakesAt ? `${prefix}sleeping until` : `${prefix}sleeping`;
    case "waiting":
      // An approval stage waits for a decision; its checkpoint comes only if none arrives first.
      if (what && localId(facts.functionId) === "approval-stage-sla") return facts.wakesAt ? `${what} unless decided before` : `${what} unless decided`;
      return facts.wakesAt ? `${prefix}waiting for an event until` : `${prefix}waiting for an event`;
    case "completed":
      return "done";
    case "failed":
      return "failed";
    case "cancelled":
      return "cancelled";
  }
}

/** The run in one sentence; the page adds the wake time (`until`) in the viewer's zone. */
export function describeRun(facts: RunFacts): RunSummary {
  const paused = facts.status === "sleeping" || facts.status === "waiting";
  return { text: `${subject(facts)}, ${state(facts)}`, until: paused ? facts.wakesAt : null };
}

/** The whole sentence, with the wake time written by `formatTime`. */
export function runSentence(summary: RunSummary, formatTime: (date: Date) => string): string {
  return summary.until ? `${summary.text} ${formatTime(summary.until)}` : summary.text;
}
