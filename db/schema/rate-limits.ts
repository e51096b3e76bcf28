import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Counters for rate-limiter-flexible's Drizzle store; the column names are its contract.
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  points: integer().notNull().default(0),
  expire: timestamp({ withTimezone: true }),
});
