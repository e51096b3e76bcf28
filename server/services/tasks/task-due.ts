import { and, eq, gt } from "drizzle-orm";
import type { Database } from "@/db";
import { taskDependencies, tasks } from "@/db/schema";
import { localToInstant } from "@/server/services/content/local-time";

/** A due time as entered (wall clock in a zone) as the instant stored; null clears it. */
export function dueInstant(due: { localDateTime: string; timeZone: string } | null | undefined): Date | null | undefined {
  if (due === undefined) return undefined;
  return due === null ? null : localToInstant(due.localDateTime, due.timeZone, "due");
}

/** A warning, not a refusal: the task is due before something it waits on is due. */
export interface DueWarning {
  kind: "due_before_dependency";
  taskId: string;
  title: string;
  dueAt: Date;
}

/** The tasks `taskId` waits on that are due after `dueAt`. */
export async function dueWarnings(tx: Database, input: { workspaceId: string; taskId: string; dueAt: Date | null }): Promise<DueWarning[]> {
  if (!input.dueAt) return [];
  const later = await tx
    .select({ taskId: tasks.id, title: tasks.title, dueAt: tasks.dueAt })
    .from(taskDependencies)
    .innerJoin(tasks, eq(tasks.id, taskDependencies.dependsOnId))
    .where(and(eq(taskDependencies.workspaceId, input.workspaceId), eq(taskDependencies.taskId, input.taskId), gt(tasks.dueAt, input.dueAt)));
  return later.map((row) => ({ kind: "due_before_dependency" as const, taskId: row.taskId, title: row.title, dueAt: row.dueAt! }));
}

