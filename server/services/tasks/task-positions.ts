// Where a card sits in its column: a fractional-index key between its
// neighbours', so a move writes one row. Keys grow by a character or so each
// time a card lands in the same gap; past MAX_KEY_LENGTH the column is renumbered.
// Placing a card takes a transaction-long lock on its column (an advisory lock,
// not the rows): two people dropping cards into one gap at the same moment are
// placed one after the other, each reading the other's key, so no two cards
// ever share one and neither move is lost.
import { and, asc, desc, eq, gt, ne, sql } from "drizzle-orm";
import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";
import type { Database } from "@/db";
import { type TaskStatus, tasks } from "@/db/schema";

const MAX_KEY_LENGTH = 24;

interface Column {
  workspaceId: string;
  status: TaskStatus;
}

/** Waits for anyone else placing a card in this column until their transaction ends. */
async function lockColumn(tx: Database, column: Column): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`task-column:${column.workspaceId}:${column.status}`}, 0))`);
}

/** The key for the bottom of a column. */
export async function bottomPosition(tx: Database, column: Column): Promise<string> {
  await lockColumn(tx, column);
  const [last] = await tx
    .select({ position: tasks.position })
    .from(tasks)
    .where(and(eq(tasks.workspaceId, column.workspaceId), eq(tasks.status, column.status)))
    .orderBy(desc(tasks.position))
    .limit(1);
  return generateKeyBetween(last?.position ?? null, null);
}

/** `count` keys for the bottom of a column, in order (a generated plan's tasks). */
export async function bottomPositions(tx: Database, column: Column, count: number): Promise<string[]> {
  await lockColumn(tx, column);
  const [last] = await tx
    .select({ position: tasks.position })
    .from(tasks)
    .where(and(eq(tasks.workspaceId, column.workspaceId), eq(tasks.status, column.status)))
    .orderBy(desc(tasks.position))
    .limit(1);
  return generateNKeysBetween(last?.position ?? null, null, count);
}

/**
 * The key that puts `taskId` right after `afterTaskId` in the column (at the top
 * when null), read from the column as it is now: when the card it should follow
 * has meanwhile moved elsewhere, it goes to the bottom instead, so both moves stand.
 */
export async function positionAfter(tx: Database, column: Column & { taskId: string; afterTaskId: string | null }): Promise<string> {
  await lockColumn(tx, column);
  const inColumn = and(eq(tasks.workspaceId, column.workspaceId), eq(tasks.status, column.status), ne(tasks.id, column.taskId));
  let previous: string | null = null;
  if (column.afterTaskId) {
    const [after] = await tx
      .select({ position: tasks.position })
      .from(tasks)
      .where(and(inColumn, eq(tasks.id, column.afterTaskId)));
    if (!after) return bottomPosition(tx, column);
    previous = after.position;
  }
  const [next] = await tx
    .select({ position: tasks.position })
    .from(tasks)
    .where(previous === null ? inColumn : and(inColumn, gt(tasks.position, previous)))
    .orderBy(asc(tasks.position))
    .limit(1);
  const key = generateKeyBetween(previous, next?.position ?? null);
  if (key.length <= MAX_KEY_LENGTH) return key;
  await renumberColumn(tx, column);
  return positionAfter(tx, column);
}

/** Spreads a column's keys evenly again, keeping its order (ties by id); locks its rows in id order. */
async function renumberColumn(tx: Database, column: Column): Promise<void> {
  const where = and(eq(tasks.workspaceId, column.workspaceId), eq(tasks.status, column.status));
  await tx.select({ id: tasks.id }).from(tasks).where(where).orderBy(asc(tasks.id)).for("update");
  const rows = await tx.select({ id: tasks.id }).from(tasks).where(where).orderBy(asc(tasks.position), asc(tasks.id));
  const keys = generateNKeysBetween(null, null, rows.length);
  const values = sql.join(
    rows.map((row, i) => sql`(${row.id}::uuid, ${keys[i]})`),
    sql`, `,
  );
  await tx.execute(sql`update tasks set position = v.position from (values ${values}) as v(id, position) where tasks.id = v.id`);
}
