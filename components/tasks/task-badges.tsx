"use client";

import { clsx } from "clsx";
import { useSyncExternalStore } from "react";
import type { TaskPriority, TaskStatus } from "@/db/schema/enum-values";
import { taskPriorityLabels, taskStatusLabels } from "@/server/services/tasks/task-status";
import { DateTime } from "@/components/viewer/formatted";

// The small pieces a task shows wherever it appears (board card, list row):
// its priority, status and due time, with "Overdue" written out, not only coloured.

const priorityTones: Record<TaskPriority, string> = {
  urgent: "bg-red-50 text-red-800 ring-red-200",
  high: "bg-orange-50 text-orange-800 ring-orange-200",
  medium: "bg-sky-50 text-sky-800 ring-sky-200",
  low: "bg-slate-50 text-slate-600 ring-slate-200",
};

export function PriorityBadge({ priority }: { priority: TaskPriority }) {
  return (
    <span className={clsx("inline-flex rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset", priorityTones[priority])}>
      {taskPriorityLabels[priority]}
    </span>
  );
}

const statusTones: Record<TaskStatus, string> = {
  todo: "bg-slate-100 text-slate-700",
  in_progress: "bg-sky-50 text-sky-800",
  blocked: "bg-red-50 text-red-800",
  in_review: "bg-amber-50 text-amber-800",
  done: "bg-emerald-50 text-emerald-800",
};

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  return <span className={clsx("inline-flex rounded-full px-2 py-0.5 text-xs font-medium", statusTones[status])}>{taskStatusLabels[status]}</span>;
}

const noSubscription = () => () => {};
const thisMinute = () => Math.floor(Date.now() / 60_000) * 60_000;

/**
 * Now, to the minute; null while rendering on the server, so "Overdue" appears
 * once the page is live instead of differing between the server's text and the browser's.
 */
export function useNow(): number | null {
  return useSyncExternalStore(noSubscription, thisMinute, () => null);
}

/** The due time in the viewer's zone; "Overdue" in words when it has passed and the task is not done. */
export function DueDate({ dueAt, done, now }: { dueAt: Date | null; done: boolean; now: number | null }) {
  if (!dueAt) return <span className="text-slate-500">No due date</span>;
  const overdue = !done && now !== null && dueAt.getTime() < now;
  return (
    <span className={clsx("inline-flex items-center gap-1", overdue ? "font-medium text-red-700" : "text-slate-600")}>
      {overdue && <span>Overdue ·</span>}
      <DateTime value={dueAt} />
    </span>
  );
}
