import { and, asc, count, eq, gt } from "drizzle-orm";
import type { Database } from "@/db";
import { type TaskStatus, taskStatuses, tasks } from "@/db/schema";
import { planningSettings } from "@/server/services/settings/planning-settings";
import { BOARD_PAGE, type BoardInput, type ColumnInput, type TaskFilters } from "./task.schema";
import { selectCards, type TaskCard, toCard } from "./task-card";
import { taskFilterWhere } from "./task-filters";

export interface BoardColumn {
  status: TaskStatus;
  cards: TaskCard[];
  /** Cards in the column that match the filters, shown or not. */
  total: number;
  /** Where the next page starts (`column`'s `after`), when there is more. */
  nextAfter: string | null;
}

type Scope = { workspaceId: string; actorId: string; now?: Date };

async function filterWhere(db: Database, filters: TaskFilters, scope: Scope) {
  // Only the due filters need a zone; the viewer's usually comes with them.
  const workspaceTimeZone = filters.due && !filters.timeZone ? (await planningSettings(db, scope)).timeZone : "UTC";
  return taskFilterWhere(filters, { ...scope, workspaceTimeZone });
}

async function columnPage(db: Database, where: ReturnType<typeof and>, status: TaskStatus, after: string | undefined, limit: number) {
  const rows = await selectCards(db)
    .where(and(where, eq(tasks.status, status), after === undefined ? undefined : gt(tasks.position, after)))
    .orderBy(asc(tasks.position), asc(tasks.id))
    .limit(limit + 1);
  const cards = rows.slice(0, limit).map(toCard);
  return { cards, nextAfter: rows.length > limit ? cards.at(-1)!.position : null };
}

/** The board: each status column's first cards in order, with how many there are in all. */
export async function listBoard(db: Database, input: BoardInput & Scope): Promise<BoardColumn[]> {
  const { workspaceId, actorId, now, limit = BOARD_PAGE, ...filters } = input;
  const where = await filterWhere(db, filters, { workspaceId, actorId, now });
  const [pages, totals] = await Promise.all([
    Promise.all(taskStatuses.map((status) => columnPage(db, where, status, undefined, limit))),
    db.select({ status: tasks.status, total: count() }).from(tasks).where(where).groupBy(tasks.status),
  ]);
  return taskStatuses.map((status, i) => ({ status, ...pages[i]!, total: totals.find((row) => row.status === status)?.total ?? 0 }));
}

/** The next cards of one column, after the position of the last one shown. */
export async function listColumn(db: Database, input: ColumnInput & Scope) {
  const { workspaceId, actorId, now, status, after, limit = BOARD_PAGE, ...filters } = input;
  const where = await filterWhere(db, filters, { workspaceId, actorId, now });
  return columnPage(db, where, status, after, limit);
}

export { filterWhere as taskFiltersFor };
