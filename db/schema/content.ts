import { relations } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { campaigns, channel } from "./campaigns";
import { contentApprovalStatuses } from "./enum-values";
import { workspaces } from "./workspaces";

// Content items (a post, an email, an ad) and every saved version of their body.

export { contentApprovalStatuses } from "./enum-values";
export type { ContentApprovalStatus } from "./enum-values";
export const contentApprovalStatus = pgEnum("content_approval_status", contentApprovalStatuses);

export interface MediaReference {
  url: string;
  alt: string;
}

export const contentItems = pgTable(
  "content_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    channel: channel().notNull(),
    title: text().notNull(),
    body: text().notNull().default(""),
    media: jsonb().$type<MediaReference[]>().notNull().default([]),
    /** An instant (stored in UTC); shown in the viewer's time zone. Null until scheduled. */
    scheduledAt: timestamp({ withTimezone: true }),
    /** The number of the latest row in content_versions. */
    version: integer().notNull().default(1),
    /** Where its approval stands (server/services/approvals); "approved" holds for approvedVersion only. */
    approvalStatus: contentApprovalStatus().notNull().default("draft"),
    /** The last version an approval was given for; an item whose approved version is not its current one can't be published. */
    approvedVersion: integer(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The calendar reads a month of items (their day, channel and campaign) from this index alone, and titles only for the few it shows.
    index("content_items_workspace_schedule_index").on(t.workspaceId, t.scheduledAt, t.id, t.campaignId, t.channel),
    index().on(t.campaignId),
  ],
);

/** Every save of an item's body; version 1 is the body it was created with. */
export const contentVersions = pgTable(
  "content_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    contentItemId: uuid()
      .notNull()
      .references(() => contentItems.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    media: jsonb().$type<MediaReference[]>().notNull().default([]),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.contentItemId, t.version)],
);

export const contentItemsRelations = relations(contentItems, ({ one, many }) => ({
  campaign: one(campaigns, { fields: [contentItems.campaignId], references: [campaigns.id] }),
  versions: many(contentVersions),
}));

export const contentVersionsRelations = relations(contentVersions, ({ one }) => ({
  item: one(contentItems, { fields: [contentVersions.contentItemId], references: [contentItems.id] }),
}));

export type ContentItem = typeof contentItems.$inferSelect;
export type ContentVersion = typeof contentVersions.$inferSelect;
