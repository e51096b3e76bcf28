import { pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { workspaces } from "./workspaces";

// Every digest ever looked at, one row per member, kind and period: the row is
// claimed in the transaction that writes the email to the mail outbox, so a
// second run for the same period (a cron that fired twice, a second instance, a
// redelivered event) finds it and sends nothing. Periods with nothing to say are
// recorded too, so the search for due digests does not look at them again.

export const digestKinds = ["daily", "weekly"] as const;
export type DigestKind = (typeof digestKinds)[number];
export const digestKind = pgEnum("digest_kind", digestKinds);

export const digests = pgTable(
  "digests",
  {
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: digestKind().notNull(),
    /** The member's local date for a daily digest ("2026-11-30"), the ISO week for a weekly one ("2026-W49"). */
    period: text().notNull(),
    /** The mail outbox's key of the email; null when there was nothing to say. */
    emailKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // The search for due digests looks up each member's current period by this key.
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId, t.kind, t.period] })],
);

export type Digest = typeof digests.$inferSelect;
