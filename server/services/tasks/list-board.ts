import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { type TaskStatus, taskStatuses, tasks } from "@/db/schema";
import { planningSettings } from "@/server/services/settings/planning-settings";
import { BOARD_PAGE, type BoardInput, type ColumnInput, type TaskFilters } from "./task.schema";
import { rowsOf } from "@/db/rows-of";
import { cardFromSql, cardSelectSql, selectCards, type TaskCard, toCard } from "./task-card";
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

/**
 * The board: each status column's first cards in order, with how many there are
 * in all, in one statement: per status, a LATERAL read of the column in board
 * order (the board index, or the campaign's or assignee's) cut after the first
 * page, with the count of the whole column beside it.
 */
export async function listBoard(db: Database, input: BoardInput & Scope): Promise<BoardColumn[]> {
  const { workspaceId, actorId, now, limit = BOARD_PAGE, ...filters } = input;
  const where = await filterWhere(db, filters, { workspaceId, actorId, now });
  const result = await db.execute(sql`
    select s.status as "column", c.*
    from unnest(${sql.raw(`array[${taskStatuses.map((status) => `'${status}'`).join(", ")}]::task_status[]`)}) as s(status)
    cross join lateral (
      select ${cardSelectSql}, count(*) over () as "columnTotal"
      from ${cardFromSql}
      where ${where} and tasks.status = s.status
      order by tasks.position, tasks.id
      limit ${limit + 1}
    ) c
    order by c.position, c.id`);
  const rows = rowsOf<Record<string, unknown> & { column: TaskStatus; columnTotal: number | string }>(result);
  return taskStatuses.map((status) => {
    const inColumn = rows.filter((row) => row.column === status);
    const cards = inColumn.slice(0, limit).map(({ column: _column, columnTotal: _total, ...card }) => toCard(card));
    return {
      status,
      cards,
      total: Number(inColumn[0]?.columnTotal ?? 0),
      nextAfter: inColumn.length > limit ? cards.at(-1)!.position : null,
    };
  });
}

/** The next cards of one column, after the position of the last one shown. */
export async function listColumn(db: Database, input: ColumnInput & Scope) {
  const { workspaceId, actorId, now, status, after, limit = BOARD_PAGE, ...filters } = input;
  const where = await filterWhere(db, filters, { workspaceId, actorId, now });
  return columnPage(db, where, status, after, limit);
}

export { filterWhere as taskFiltersFor };
