// The SQL side of keyset cursors (cursor.schema.ts decodes them): a row's cursor
// is its instant to the microsecond and its id, and the next page is what sorts
// after it, newest first. Rows made within one millisecond are neither skipped nor repeated.
import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import type { InstantCursor } from "./cursor.schema";

/** "<instant>_<uuid>" of a row, as `nextCursor` hands it out. */
export const instantCursorOf = (at: AnyColumn, id: AnyColumn) =>
  sql<string>`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '_' || ${id}`;

/** Rows older than the cursor's, in (instant, id) descending order; no condition without a cursor. */
export const olderThanCursor = (at: AnyColumn, id: AnyColumn, cursor: InstantCursor | null | undefined): SQL | undefined =>
  cursor ? sql`(${at}, ${id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : undefined;
