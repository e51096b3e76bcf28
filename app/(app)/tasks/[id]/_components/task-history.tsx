"use client";

import { DateTime } from "@/components/viewer/formatted";
import { useViewer } from "@/components/viewer/viewer-context";
import type { TaskPriority, TaskStatus } from "@/db/schema/enum-values";
import { formatDateTime, formatNumber, type Viewer } from "@/server/services/date-time";
import { type ReminderRung, rungLabels } from "@/server/services/reminders/reminder-rungs";
import { taskPriorityLabels, taskStatusLabels } from "@/server/services/tasks/task-status";
import type { TaskOptions } from "../../_components/task-fields";
import type { TaskView } from "./task-view";

type Entry = TaskView["history"][number];

/** Entries the reminder flow writes, with no person behind them. */
const isReminder = (action: string) => action === "reminded" || action === "escalated";
type Values = Record<string, unknown> | null;

const nameIn = (list: { id: string; name: string }[], id: unknown) => list.find((item) => item.id === id)?.name;

/** One changed field, as a phrase: "set the estimate to 6 h". */
function fieldChange(viewer: Viewer, options: TaskOptions, field: string, value: unknown): string | null {
  const none = value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
  switch (field) {
    case "title":
      return `renamed it “${String(value)}”`;
    case "description":
      return none ? "cleared the description" : "edited the description";
    case "priority":
      return `set the priority to ${taskPriorityLabels[value as TaskPriority] ?? String(value)}`;
    case "assigneeId":
      return none ? "unassigned it" : `assigned it to ${nameIn(options.members, value) ?? "a former member"}`;
    case "dueAt":
      return none ? "removed the due date" : `set the due date to ${formatDateTime(viewer, new Date(String(value)))}`;
    case "estimateHours":
      return none ? "removed the estimate" : `set the estimate to ${formatNumber(viewer, Number(value))} h`;
    case "requiredSkills":
      return none ? "removed the required skills" : `set the required skills to ${(value as string[]).join(", ")}`;
    case "campaignId":
      return none ? "took it out of its campaign" : `moved it to the campaign ${nameIn(options.campaigns, value) ?? "(closed)"}`;
    case "milestoneId":
      return none ? "unlinked its milestone" : "linked it to a milestone";
    case "contentItemId":
      return none ? "unlinked its content item" : "linked it to a content item";
    default:
      // Bookkeeping fields (the auto-assignment reason, completion time) are said by the change that caused them.
      return null;
  }
}

const listFormat = (names: string[]) => (names.length <= 1 ? (names[0] ?? "no one") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`);

/** A reminder or escalation the reminder flow sent: "sent the “due soon” reminder to Priya Shah". */
function reminderSentence(after: Values): string {
  const rung = after?.rung as ReminderRung | undefined;
  const recipients = listFormat((after?.recipients as string[] | undefined) ?? []);
  if (rung === "escalate-to-owner" || rung === "escalate-to-managers") return `escalated it to ${recipients} as overdue`;
  return `sent the “${rung ? rungLabels[rung] : "reminder"}” reminder to ${recipients}`;
}

/** An audit entry as a sentence after the person's name. */
export function describeTaskEntry(viewer: Viewer, options: TaskOptions, entry: { action: string; before: Values; after: Values }): string {
  const { after, before } = entry;
  switch (entry.action) {
    case "created":
      return "created the task";
    case "updated": {
      const phrases = Object.entries(after ?? {})
        .map(([field, value]) => fieldChange(viewer, options, field, value))
        .filter((phrase): phrase is string => phrase !== null);
      if (phrases.length === 0) return "edited the task";
      return phrases.length === 1 ? phrases[0]! : `${phrases.slice(0, -1).join(", ")} and ${phrases.at(-1)}`;
    }
    case "status_changed": {
      const label = (value: unknown) => taskStatusLabels[value as TaskStatus] ?? String(value);
      const reason = after?.blockedReason ? `: “${String(after.blockedReason)}”` : "";
      return `moved it from ${label(before?.status)} to ${label(after?.status)}${reason}`;
    }
    case "dependency_added":
      return `made it wait on “${String(after?.dependsOnTitle ?? "another task")}”`;
    case "dependency_removed":
      return `made it stop waiting on “${String(before?.dependsOnTitle ?? "another task")}”`;
    case "commented":
      return "commented";
    case "reminded":
    case "escalated":
      return reminderSentence(after);
    default:
      return entry.action.replaceAll("_", " ");
  }
}

/** Who did what to the task and when, newest first. */
export function TaskHistory({ history, options }: { history: Entry[]; options: TaskOptions }) {
  const viewer = useViewer();
  return (
    <section aria-labelledby="history-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="history-heading" className="text-lg font-semibold">
        History
      </h2>
      {history.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing has happened yet.</p>
      ) : (
        <ol aria-label="History" className="space-y-2 text-sm">
          {history.map((entry) => (
            <li key={entry.id} className="border-l-2 border-slate-200 pl-3">
              <p className="text-slate-800">
                <span className="font-medium">{entry.actorName ?? (isReminder(entry.action) ? "Crescendo" : "Someone")}</span> {describeTaskEntry(viewer, options, entry as { action: string; before: Values; after: Values })}
              </p>
              <p className="text-xs text-slate-500">
                <DateTime value={entry.createdAt} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
