import { relations, sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { type Channel, defaultSkills, memberRoles } from "./enum-values";

export { memberRoles } from "./enum-values";
export type { MemberRole } from "./enum-values";
export const memberRole = pgEnum("member_role", memberRoles);

export interface BrandRules {
  /** Matched as whole words, ignoring case; `replacement` is what the finding suggests instead ("" for none). */
  bannedPhrases: { phrase: string; replacement: string }[];
  /** Text an item on the channel must contain, word for word ("Terms apply."). */
  disclaimers: Partial<Record<Channel, string>>;
}

export const workspaces = pgTable("workspaces", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  // Planning settings (/settings).
  /** ISO 3166 country whose public holidays timelines skip; null skips weekends only. */
  holidayCountry: text(),
  /** The IANA time zone the team plans in: it decides which day a scheduled item falls on for its conflicts. */
  timeZone: text().notNull().default("UTC"),
  /** More items than this on one channel in one day is a conflict on the calendar. */
  channelDailyLimit: integer().notNull().default(3),
  /** Business days of slack added before each generated milestone, unless a campaign sets its own. */
  milestoneBufferDays: integer().notNull().default(0),
  /** The skills tasks may require and members may have ("copywriting", "video"). */
  skills: text()
    .array()
    .notNull()
    .default(sql.raw(`'{${defaultSkills.join(",")}}'::text[]`)),
  // Task reminders (/settings).
  /** How long before a task is due its assignee gets the "due soon" reminder (a second one comes an hour before). */
  reminderLeadHours: integer().notNull().default(24),
  /** Business days a task may be overdue before it is escalated to its campaign's owner, then to the managers. */
  escalationBusinessDays: integer().notNull().default(2),
  /** What the content checks hold every item to (/settings, admins): banned phrases and a disclaimer per channel. */
  brandRules: jsonb().$type<BrandRules>().notNull().default({ bannedPhrases: [], disclaimers: {} }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const memberships = pgTable(
  "memberships",
  {
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: memberRole().notNull(),
    // What assignment and the workload chart count (/team).
    skills: text().array().notNull().default(sql`'{}'::text[]`),
    weeklyCapacityHours: integer().notNull().default(40),
    /** ISO weekdays the person works, 1 = Monday ... 7 = Sunday. */
    workingDays: smallint().array().notNull().default(sql`'{1,2,3,4,5}'::smallint[]`),
    /** The zone their working days are in; null: the workspace's. */
    timeZone: text(),
    // Notification emails (/account): held while quiet hours last, "HH:MM" to
    // "HH:MM" in the member's zone (crossing midnight when the end is earlier).
    quietHoursStart: text(),
    quietHoursEnd: text(),
    /** The hour (0-23, in their zone) their daily digest goes out. */
    digestHour: integer().notNull().default(8),
    /** Whether they get the daily "today's work" email, and the weekly summary of the campaigns they own. */
    dailyDigest: boolean().notNull().default(true),
    weeklyDigest: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    index().on(t.userId),
    check("memberships_quiet_hours_both", sql`(${t.quietHoursStart} is null) = (${t.quietHoursEnd} is null)`),
    check("memberships_digest_hour", sql`${t.digestHour} between 0 and 23`),
  ],
);

// An invitation is a single-use link; only a hash of its token is stored.
export const invitations = pgTable(
  "invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    email: text().notNull(),
    role: memberRole().notNull(),
    tokenHash: text().notNull().unique(),
    /** The link token is rebuilt from this and the server secret when the email goes out; null before workflows. */
    tokenNonce: text(),
    invitedById: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // At most one open invitation per person and workspace: inviting again renews it.
    uniqueIndex("invitations_open_per_email")
      .on(t.workspaceId, t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);

export const workspacesRelations = relations(workspaces, ({ many }) => ({
  memberships: many(memberships),
  invitations: many(invitations),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  workspace: one(workspaces, { fields: [memberships.workspaceId], references: [workspaces.id] }),
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
}));

export const invitationsRelations = relations(invitations, ({ one }) => ({
  workspace: one(workspaces, { fields: [invitations.workspaceId], references: [workspaces.id] }),
  invitedBy: one(users, { fields: [invitations.invitedById], references: [users.id] }),
}));

export type Workspace = typeof workspaces.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
