import { relations, sql } from "drizzle-orm";
import { boolean, foreignKey, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { campaigns } from "./campaigns";
import { notificationChannels, notificationEmailStates, notificationKinds } from "./enum-values";
import { tasks } from "./tasks";
import { memberships, workspaces } from "./workspaces";

// What the bell shows and what notification emails list, what each member wants
// of each kind, and when each member's next notification email may go out.

export { notificationChannels, notificationEmailStates, notificationKinds } from "./enum-values";
export type { NotificationChannel, NotificationEmailState, NotificationKind } from "./enum-values";
export const notificationKind = pgEnum("notification_kind", notificationKinds);
export const notificationChannel = pgEnum("notification_channel", notificationChannels);
export const notificationEmailState = pgEnum("notification_email_state", notificationEmailStates);

export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** The recipient. */
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKind().notNull(),
    /** Who caused it; null for reminders and other background flows. */
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    taskId: uuid().references(() => tasks.id, { onDelete: "cascade" }),
    campaignId: uuid().references(() => campaigns.id, { onDelete: "cascade" }),
    /** A sentence as the member reads it: Priya Shah assigned you “Draft the launch email”. */
    title: text().notNull(),
    /** An app path ("/tasks?task=…"); emails prefix the app's address. */
    link: text().notNull(),
    /** The same cause twice (a retried step, a duplicate trigger) makes one notification. */
    dedupeKey: text().notNull().unique(),
    /** Shown in the bell; false when the member wants this kind by email only. */
    inApp: boolean().notNull(),
    emailState: notificationEmailState().notNull().default("none"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
    emailedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // The bell: "my newest first", and "my unread count" from a small partial index.
    index("notifications_inbox_index").on(t.userId, t.workspaceId, t.createdAt.desc(), t.id.desc()).where(sql`${t.inApp}`),
    index("notifications_unread_index").on(t.userId, t.workspaceId).where(sql`${t.inApp} and ${t.readAt} is null`),
    // The email batcher: one member's pending emails.
    index("notifications_email_pending_index").on(t.userId, t.workspaceId, t.createdAt).where(sql`${t.emailState} = 'pending'`),
    index().on(t.taskId),
  ],
);

/** A member's choice for one kind; a kind without a row uses its default. Removed with the membership. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    workspaceId: uuid().notNull(),
    userId: uuid().notNull(),
    kind: notificationKind().notNull(),
    channel: notificationChannel().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId, t.kind] }),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [memberships.workspaceId, memberships.userId] }).onDelete("cascade"),
  ],
);

/**
 * One row per member with notification emails: the run that will send their
 * next batch (so a burst of notifications starts one run, and a notification
 * that arrives after a batch was claimed starts the next one), and when the last
 * batch went out (at most one email per 15 minutes).
 */
export const notificationEmailSchedules = pgTable(
  "notification_email_schedules",
  {
    workspaceId: uuid().notNull(),
    userId: uuid().notNull(),
    /** The event id of the run that will send the pending emails; null when none waits. */
    eventId: text(),
    /** When that run was started or plans to send; a run far past it is taken over by the next notification. */
    sendAfter: timestamp({ withTimezone: true }),
    lastSentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [memberships.workspaceId, memberships.userId] }).onDelete("cascade"),
  ],
);

export const notificationsRelations = relations(notifications, ({ one }) => ({
  actor: one(users, { fields: [notifications.actorId], references: [users.id] }),
  task: one(tasks, { fields: [notifications.taskId], references: [tasks.id] }),
}));

export type Notification = typeof notifications.$inferSelect;
export type NotificationPreference = typeof notificationPreferences.$inferSelect;
