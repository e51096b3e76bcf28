import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { workspaces } from "./workspaces";

// Who changed what, when, with the row before and after. Rows outlive what they
// describe (a deleted campaign keeps its history), so entity ids carry no foreign key.

export const auditEntityTypes = ["campaign", "milestone", "content_item", "campaign_template", "workspace_settings", "blackout_date", "task", "member_profile", "time_off", "approval_request", "approval_policy"] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** Null for changes made by a background flow. */
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    entityType: text().$type<AuditEntityType>().notNull(),
    entityId: text().notNull(),
    /** The campaign the change belongs to, so a campaign's activity is one indexed read. */
    campaignId: uuid(),
    /** created | updated | deleted | status_changed | moved | ... */
    action: text().notNull(),
    before: jsonb().$type<Record<string, unknown>>(),
    after: jsonb().$type<Record<string, unknown>>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.workspaceId, t.campaignId, t.id), index().on(t.workspaceId, t.id), index().on(t.workspaceId, t.entityType, t.entityId, t.id)],
);

export type AuditEntry = typeof auditLog.$inferSelect;
