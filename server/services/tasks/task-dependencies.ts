import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { rowsOf } from "@/db/rows-of";
import { taskDependencies, tasks } from "@/db/schema";
import { AppError } from "@/server/errors";
import { listOfTitles, quoted } from "./find-task";

/** The tasks `taskId` waits on that are not done yet, oldest first. */
export async function openDependencies(tx: Database, input: { workspaceId: string; taskId: string }) {
  return tx
    .select({ id: tasks.id, title: tasks.title, status: tasks.status })
    .from(taskDependencies)
    .innerJoin(tasks, eq(tasks.id, taskDependencies.dependsOnId))
    .where(and(eq(taskDependencies.workspaceId, input.workspaceId), eq(taskDependencies.taskId, input.taskId), ne(tasks.status, "done")))
    .orderBy(tasks.createdAt);
}

/** Refuses to start a task while something it waits on is not done, naming what. */
export async function assertDependenciesDone(tx: Database, input: { workspaceId: string; taskId: string; title: string }): Promise<void> {
  const open = await openDependencies(tx, input);
  if (open.length === 0) return;
  throw new AppError(
    "CONFLICT",
    `${quoted(input.title)} can't start yet: it waits on ${listOfTitles(open.map((task) => task.title))}, which ${open.length === 1 ? "is" : "are"} not done.`,
  );
}

/**
 * Records that `taskId` waits on each of `dependsOnIds` (all of this workspace,
 * none the task itself, no cycle). A cycle is refused with the loop named:
 * “A” → “B” → “A”.
 */
export async function addDependencies(tx: Database, input: { workspaceId: string; taskId: string; title: string; dependsOnIds: string[] }): Promise<void> {
  const ids = [...new Set(input.dependsOnIds)];
  if (ids.length === 0) return;
  if (ids.includes(input.taskId)) throw new AppError("BAD_REQUEST", "A task can't depend on itself.", { fieldErrors: { dependsOnId: ["A task can't depend on itself."] } });
  const found = await tx
    .select({ id: tasks.id, title: tasks.title })
    .from(tasks)
    .where(and(eq(tasks.workspaceId, input.workspaceId), inArray(tasks.id, ids)));
  if (found.length !== ids.length) {
    throw new AppError("BAD_REQUEST", "A task can only depend on tasks of this workspace.", { fieldErrors: { dependsOnId: ["That task does not exist in this workspace."] } });
  }
  for (const dependency of found) {
    const loop = await pathBetween(tx, { workspaceId: input.workspaceId, from: dependency.id, to: input.taskId });
    if (loop) {
      const titles = await titlesOf(tx, input.workspaceId, loop);
      const chain = [input.title, ...loop.map((id) => titles.get(id) ?? "?"), input.title].map(quoted).join(" → ");
      throw new AppError("BAD_REQUEST", `That would make a loop: ${chain}. A task can't wait on itself, even through others.`, {
        fieldErrors: { dependsOnId: [`That would make a loop: ${chain}.`] },
      });
    }
  }
  await tx
    .insert(taskDependencies)
    .values(ids.map((dependsOnId) => ({ workspaceId: input.workspaceId, taskId: input.taskId, dependsOnId })))
    .onConflictDoNothing();
}

async function titlesOf(tx: Database, workspaceId: string, ids: string[]): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: tasks.id, title: tasks.title })
    .from(tasks)
    .where(and(eq(tasks.workspaceId, workspaceId), inArray(tasks.id, ids)));
  return new Map(rows.map((row) => [row.id, row.title]));
}

/**
 * The chain of tasks from `from` through what it waits on that reaches `to`
 * (`from` first, `to` excluded), or null. Adding "to waits on from" closes that chain into a loop.
 */
async function pathBetween(tx: Database, input: { workspaceId: string; from: string; to: string }): Promise<string[] | null> {
  const rows = await tx.execute<{ path: string[] }>(sql`
    with recursive chain(id, path) as (
      select ${input.from}::uuid, array[${input.from}::uuid]
      union all
      select d.depends_on_id, chain.path || d.depends_on_id
      from chain
      join task_dependencies d on d.task_id = chain.id and d.workspace_id = ${input.workspaceId}
      where not d.depends_on_id = any(chain.path) and array_length(chain.path, 1) < 500
    )
    select path::text[] as path from chain where id = ${input.to}::uuid limit 1`);
  const path = rowsOf<{ path: string[] }>(rows)[0]?.path;
  return path ? path.slice(0, -1) : null;
}

