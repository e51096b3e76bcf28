import type { TaskStatus } from "@/db/schema/enum-values";

// The moves the board allows between columns. Work goes forward through review,
// can be reopened, and a blocked task first goes back to work: it is never
// reviewed or finished while blocked.

export const taskMoves: Record<TaskStatus, readonly TaskStatus[]> = {
  todo: ["in_progress", "blocked", "done"],
  in_progress: ["todo", "blocked", "in_review", "done"],
  blocked: ["todo", "in_progress"],
  in_review: ["in_progress", "blocked", "done"],
  done: ["todo", "in_progress"],
};

export const taskStatusLabels: Record<TaskStatus, string> = {
  todo: "To do",
  in_progress: "In progress",
  blocked: "Blocked",
  in_review: "In review",
  done: "Done",
};

export const taskPriorityLabels = { low: "Low", medium: "Medium", high: "High", urgent: "Urgent" } as const;

/** Statuses that mean work has started on the task: its dependencies must be done first. */
export const startedStatuses: readonly TaskStatus[] = ["in_progress", "in_review", "done"];

export function canMove(from: TaskStatus, to: TaskStatus): boolean {
  return from === to || taskMoves[from].includes(to);
}
