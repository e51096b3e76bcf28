import { asc, count, desc, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { tasks } from "@/db/schema";
import { taskFiltersFor } from "./list-board";
import type { ListTasksInput } from "./task.schema";
import { selectCards, toCard } from "./task-card";

const PAGE = 100;

// Priorities and statuses sort by their meaning, not their names.
const priorityRank = sql`array_position(array['urgent','high','medium','low']::task_priority[], ${tasks.priority})`;
const statusRank = sql`array_position(array['todo','in_progress','blocked','in_review','done']::task_status[], ${tasks.status})`;

/** The list view: tasks matching the filters, sorted, a page at a time. */
export async function listTasks(db: Database, input: ListTasksInput & { workspaceId: string; actorId: string; now?: Date }) {
  const { workspaceId, actorId, now, sort = "due", direction = "asc", limit = PAGE, offset = 0, ...filters } = input;
  const where = await taskFiltersFor(db, filters, { workspaceId, actorId, now });
  const order = direction === "asc" ? asc : desc;
  const key = { due: tasks.dueAt, priority: priorityRank, title: tasks.title, status: statusRank, updated: tasks.updatedAt }[sort];
  // Tasks without a due date go last whichever way the list is sorted by due date.
  const orderBy = sort === "due" ? [sql`${tasks.dueAt} ${sql.raw(direction)} nulls last`, asc(tasks.id)] : [order(key), asc(tasks.id)];
  const [rows, [total]] = await Promise.all([
    selectCards(db)
      .where(where)
      .orderBy(...orderBy)
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(tasks).where(where),
  ]);
  return { tasks: rows.map(toCard), total: total?.total ?? 0 };
}
