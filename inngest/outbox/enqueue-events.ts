// How services emit events: inside their own transaction, into the outbox. The
// events commit with the change or not at all, and the NOTIFY (delivered at
// commit, never on rollback) wakes the relay of every process at once.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { eventOutbox } from "@/db/schema";
import type { AppEvent } from "../events";

/** The channel the relays listen on; the payload is empty, they read the table. */
export const OUTBOX_CHANNEL = "crescendo_outbox";

/**
 * Writes events into the outbox in the caller's transaction; returns their ids.
 * Give an event a deterministic id when the same fact may be written twice (a
 * retried step): the second write is ignored, and the engine starts nothing twice.
 */
export async function enqueueEvents(tx: Database, events: AppEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  // Checks each event's data against its schema, so a malformed event fails the writer, not the relay.
  await Promise.all(events.map((event) => ("validate" in event ? event.validate() : undefined)));
  const rows = events.map((event) => ({
    id: event.id ?? randomUUID(),
    name: event.name,
    data: event.data as Record<string, unknown>,
    ts: new Date(event.ts ?? Date.now()),
  }));
  // One JSON parameter whatever the batch's size: a plan's or a batch assignment's thousand events as
  // bound values would cost more to send than to write.
  const batch = JSON.stringify(rows.map((row) => ({ ...row, ts: row.ts.toISOString() })));
  await tx.execute(sql`
    insert into ${eventOutbox} (id, name, data, ts)
    select e.id, e.name, e.data, e.ts from jsonb_to_recordset(${batch}::jsonb) as e(id text, name text, data jsonb, ts timestamptz)
    on conflict (id) do nothing`);
  await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
  return rows.map((row) => row.id);
}
