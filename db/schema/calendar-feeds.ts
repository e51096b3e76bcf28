import { sql } from "drizzle-orm";
import { pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { workspaces } from "./workspaces";

// A private iCalendar URL per person and workspace. Like invitation links, the
// token is HMAC(secret, nonce): only the nonce and the token's hash are stored,
// so the URL can be shown again without being kept in the clear.
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    tokenNonce: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastFetchedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("calendar_feeds_live_per_member").on(t.workspaceId, t.userId).where(sql`${t.revokedAt} is null`),
  ],
);

export type CalendarFeed = typeof calendarFeeds.$inferSelect;
