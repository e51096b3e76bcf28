// Every row of every table, to prove that a refused request wrote nothing. Tables
// come from the schema module, so tables added later are covered without edits.
import { getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "./client";
import * as schema from "./schema";

export type Snapshot = Record<string, Record<string, unknown>[]>;

/** Every table of the schema module; tables added later are included without edits. */
export const schemaTables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));

export async function snapshotDatabase(db: Database): Promise<Snapshot> {
  const snapshot: Snapshot = {};
  for (const table of schemaTables) {
    const rows: Record<string, unknown>[] = await db.select().from(table);
    // Sorted so two snapshots of the same rows compare equal whatever the scan order; each row's
    // key is made once, not at every comparison. Plain < rather than localeCompare: only the order's
    // being the same every time matters, and collation is many times slower.
    const keyed = rows.map((row) => ({ row, key: JSON.stringify(row) }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    snapshot[getTableName(table)] = keyed.map(({ row }) => row);
  }
  return snapshot;
}

/** Row counts per table, for messages that should say what changed. */
export function countRows(snapshot: Snapshot): Record<string, number> {
  return Object.fromEntries(Object.entries(snapshot).map(([table, rows]) => [table, rows.length]));
}
