import { relations, sql } from "drizzle-orm";
import { date, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { type Channel, campaignStatuses, campaignTypes, channels } from "./enum-values";
import { workspaces } from "./workspaces";

// Campaigns and what is planned around them: milestones placed from a template,
// the templates a workspace keeps per campaign type, and blackout dates.

export { campaignStatuses, campaignTypes, channels } from "./enum-values";
export type { CampaignStatus, CampaignType, Channel } from "./enum-values";
export const campaignType = pgEnum("campaign_type", campaignTypes);
export const campaignStatus = pgEnum("campaign_status", campaignStatuses);
export const channel = pgEnum("channel", channels);

/** Dates without a time of day ("2026-03-09"): a campaign runs on calendar days wherever its team sits. */
const day = () => date({ mode: "string" });

export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text().notNull(),
    type: campaignType().notNull(),
    status: campaignStatus().notNull().default("draft"),
    /** Where an archived campaign returns to when it is restored. */
    statusBeforeArchive: campaignStatus(),
    goal: text().notNull().default(""),
    /** The KPI the goal is measured by ("Sign-ups") and its target (2,000). */
    kpiName: text().notNull().default(""),
    kpiTarget: numeric({ precision: 14, scale: 2 }),
    audience: text().notNull().default(""),
    channels: channel().array().notNull().default(sql`'{}'::channel[]`),
    /** Exact decimal as a string ("12500.00"), in `currency` (ISO 4217). */
    budgetAmount: numeric({ precision: 14, scale: 2 }),
    currency: text().notNull().default("USD"),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    startDate: day().notNull(),
    launchDate: day().notNull(),
    endDate: day().notNull(),
    /** Extra business days kept free before each milestone when the timeline was generated. */
    bufferDays: integer().notNull().default(0),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The calendar asks for campaigns overlapping a range, bounded by the longest campaign's length;
    // the list filters by status and owner, and the calendar leaves out closed campaigns by their ids alone.
    index().on(t.workspaceId, t.startDate, t.endDate),
    index("campaigns_workspace_length_index").on(t.workspaceId, sql`(${t.endDate} - ${t.startDate})`),
    index().on(t.workspaceId, t.status, t.id),
    index().on(t.workspaceId, t.ownerId),
    index().on(t.workspaceId, t.updatedAt),
  ],
);

export const milestones = pgTable(
  "milestones",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    name: text().notNull(),
    dueDate: day().notNull(),
    /** Order within the campaign's timeline. */
    position: integer().notNull().default(0),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The calendar ranks a month of milestones per day from this index alone, and reads names only for the few it shows.
    index("milestones_workspace_due_index").on(t.workspaceId, t.dueDate, t.position, t.id, t.campaignId),
    index().on(t.campaignId, t.position),
  ],
);

export interface TemplateMilestone {
  name: string;
  /** Business days before the launch date; 0 is the launch day itself, negative is after it. */
  businessDaysBeforeLaunch: number;
}

/** A task a template adds to a new campaign's plan, due a number of business days before one of its milestones. */
export interface TemplateTask {
  /** Unique within the template; what `dependsOn` names. */
  key: string;
  title: string;
  estimateHours: number;
  skills: string[];
  dependsOn: string[];
  /** The template milestone (by name) it is due before. */
  milestone: string;
  businessDaysBefore: number;
  /** Only for campaigns on this channel: the channel's checklist. */
  channel?: Channel;
}

/** A workspace's own timeline template for a campaign type; types without a row use the built-in one. */
export const campaignTemplates = pgTable(
  "campaign_templates",
  {
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    type: campaignType().notNull(),
    milestones: jsonb().$type<TemplateMilestone[]>().notNull(),
    /** Null: the built-in tasks for the type. */
    tasks: jsonb().$type<TemplateTask[]>(),
    updatedById: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.type] })],
);

/** Days nothing should go out (a company event, a shutdown); the calendar warns about anything planned on them. */
export const blackoutDates = pgTable(
  "blackout_dates",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    startDate: day().notNull(),
    endDate: day().notNull(),
    reason: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.workspaceId, t.startDate)],
);

export const campaignsRelations = relations(campaigns, ({ one, many }) => ({
  workspace: one(workspaces, { fields: [campaigns.workspaceId], references: [workspaces.id] }),
  owner: one(users, { fields: [campaigns.ownerId], references: [users.id] }),
  milestones: many(milestones),
}));

export const milestonesRelations = relations(milestones, ({ one }) => ({
  campaign: one(campaigns, { fields: [milestones.campaignId], references: [campaigns.id] }),
}));

export type Campaign = typeof campaigns.$inferSelect;
export type Milestone = typeof milestones.$inferSelect;
export type BlackoutDate = typeof blackoutDates.$inferSelect;
