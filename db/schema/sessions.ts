import { sql } from "drizzle-orm";
import { index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";

// One row per sign-in. The session cookie (a signed JWT) carries the row's id and
// every request checks the row, so signing out, "sign out everywhere", a password
// change or removal from a workspace end a session server-side. expires_at is set
// once at sign-in: renewing the cookie cannot extend it.
export const sessions = pgTable(
  "sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  // Revoking all of a person's live sessions finds them by this index.
  (t) => [index("sessions_live_per_user").on(t.userId).where(sql`${t.revokedAt} is null`)],
);

export type StoredSession = typeof sessions.$inferSelect;
