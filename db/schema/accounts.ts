import { relations } from "drizzle-orm";
import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { memberships } from "./workspaces";

// A person who can sign in. Emails are stored lower-cased so lookups are exact.
export const users = pgTable("users", {
  id: uuid().primaryKey().defaultRandom(),
  email: text().notNull().unique(),
  name: text().notNull(),
  passwordHash: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  // The person's own choices for how dates, times and numbers are shown to them;
  // null means "not chosen": fall back to the browser's zone and Accept-Language.
  /** An IANA time zone, e.g. "Europe/Berlin". */
  timeZone: text(),
  /** A BCP 47 language tag, e.g. "de-DE". */
  locale: text(),
});

export const usersRelations = relations(users, ({ many }) => ({
  memberships: many(memberships),
}));

export type User = typeof users.$inferSelect;
