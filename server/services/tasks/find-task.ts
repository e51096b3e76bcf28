import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { type Task, tasks } from "@/db/schema";
import { AppError } from "@/server/errors";

/**
 * The task with this id in this workspace, locked for the rest of the transaction
 * when `forUpdate`; NOT_FOUND otherwise (another workspace's task is
 * indistinguishable from none).
 */
export async function findTask(tx: Database, input: { workspaceId: string; taskId: string }, options: { forUpdate?: boolean } = {}): Promise<Task> {
  const query = tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.workspaceId, input.workspaceId), eq(tasks.id, input.taskId)))
    .limit(1);
  const [task] = options.forUpdate ? await query.for("update") : await query;
  if (!task) throw new AppError("NOT_FOUND", "That task does not exist in this workspace.");
  return task;
}

/** The fields of a task worth showing in its history. */
export function taskAuditView(task: Partial<Task>): Record<string, unknown> {
  const { id: _id, workspaceId: _w, createdAt: _c, updatedAt: _u, createdById: _b, position: _p, ...rest } = task;
  return rest;
}

/** “Write the brief” */
export const quoted = (title: string) => `“${title}”`;

/** “A”, “A” and “B”, “A”, “B” and “C”. */
export function listOfTitles(titles: string[]): string {
  const q = titles.map(quoted);
  return q.length <= 1 ? (q[0] ?? "") : `${q.slice(0, -1).join(", ")} and ${q.at(-1)}`;
}
