import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Events written in the same transaction as the change they announce, so a
// committed change always has its event: a relay (inngest/outbox) hands them to
// the workflow engine after the commit, marks them delivered, and retries the
// ones that failed. The id is the event's id, which the engine takes as its
// idempotency key: a row delivered again (the relay died before marking it)
// starts nothing twice.
export const eventOutbox = pgTable(
  "event_outbox",
  {
    id: text().primaryKey(),
    name: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    /** When the event happened: the `ts` the engine receives. */
    ts: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Failed deliveries so far; each one pushes the next attempt further out. */
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    deliveredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("event_outbox_pending").on(t.nextAttemptAt).where(sql`${t.deliveredAt} is null`),
    index("event_outbox_delivered").on(t.deliveredAt).where(sql`${t.deliveredAt} is not null`),
  ],
);

export type OutboxEvent = typeof eventOutbox.$inferSelect;
