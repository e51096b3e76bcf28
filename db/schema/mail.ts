import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

// stored: kept in the outbox only (no SMTP configured); sent: accepted by the SMTP server.
export const emailStatuses = ["stored", "sending", "sent", "failed"] as const;
export const emailStatus = pgEnum("email_status", emailStatuses);

// Every email the app sends, whatever the transport. The idempotency key makes a
// retried send a no-op, and becomes the Message-ID the SMTP server sees.
export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().references(() => workspaces.id, { onDelete: "cascade" }),
    idempotencyKey: text().notNull().unique(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    status: emailStatus().notNull(),
    messageId: text().notNull(),
    error: text(),
    /** While a process is handing the email to SMTP; a lapsed claim means that process died. */
    claimedUntil: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.workspaceId, t.createdAt)],
);

export type OutboxEmail = typeof outboxEmails.$inferSelect;
