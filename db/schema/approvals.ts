import { relations, sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { campaignType, campaigns, channel } from "./campaigns";
import { contentItems } from "./content";
import {
  type ApprovalStagePolicy,
  approvalDecisionKinds,
  approvalRequestStatuses,
  approvalSubjects,
} from "./enum-values";
import { workspaces } from "./workspaces";

// Approval policies (ordered stages an admin sets up), the requests made under
// them, who each stage waits on, and what each approver decided. A request is
// bound to one version of what it asks about: a new version sends it back to
// its first stage, and decisions keep the version they were made on.

export { approvalDecisionKinds, approvalRequestStatuses, approvalSubjects } from "./enum-values";
export type { ApprovalDecisionKind, ApprovalRequestStatus, ApprovalStagePolicy, ApprovalSubject } from "./enum-values";
export const approvalSubject = pgEnum("approval_subject", approvalSubjects);
export const approvalRequestStatus = pgEnum("approval_request_status", approvalRequestStatuses);
export const approvalDecisionKind = pgEnum("approval_decision_kind", approvalDecisionKinds);

export const approvalPolicies = pgTable(
  "approval_policies",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** In order; validated by server/services/approvals/approvals.schema.ts. */
    stages: jsonb().$type<ApprovalStagePolicy[]>().notNull(),
    /** Whether the person who asked may approve their own request. */
    allowSelfApproval: boolean().notNull().default(false),
    /** Whether the content checks must find no error before approval can be requested. */
    requireChecks: boolean().notNull().default(false),
    /** The campaign types and channels this policy is the default for (each belongs to at most one policy). */
    campaignTypes: campaignType().array().notNull().default(sql`'{}'::campaign_type[]`),
    channels: channel().array().notNull().default(sql`'{}'::channel[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.workspaceId, t.name)],
);

export const approvalRequests = pgTable(
  "approval_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    subject: approvalSubject().notNull(),
    /** The item asked about (subject "content_item"). */
    contentItemId: uuid().references(() => contentItems.id, { onDelete: "cascade" }),
    /** The campaign asked about, or the item's campaign: the queue filters by it. */
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    /** The item's channel, for the queue's filter; null for a campaign plan. */
    channel: channel(),
    policyId: uuid().references(() => approvalPolicies.id, { onDelete: "set null" }),
    /** The policy as it was when asked: editing a policy never changes a running request. */
    policyName: text().notNull(),
    stages: jsonb().$type<ApprovalStagePolicy[]>().notNull(),
    allowSelfApproval: boolean().notNull(),
    /** The version asked about, and a fingerprint of exactly what is approved at it. */
    version: integer().notNull(),
    fingerprint: text().notNull(),
    status: approvalRequestStatus().notNull().default("pending"),
    /** The stage waiting now (0-based) and the round: every start of a stage is a new round, so late work of an old one does nothing. */
    stageIndex: integer().notNull().default(0),
    round: integer().notNull().default(1),
    stageStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When the current stage times out; past it the request is overdue. */
    stageDueAt: timestamp({ withTimezone: true }),
    /** The content checks' findings for `version`, as server/services/approvals/checks returns them. */
    checks: jsonb().$type<unknown[]>().notNull().default([]),
    requestedById: uuid().references(() => users.id, { onDelete: "set null" }),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When it was approved, rejected, sent back for changes, expired or withdrawn. */
    decidedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One open request per item (or campaign plan) at a time.
    uniqueIndex("approval_requests_open_content").on(t.contentItemId).where(sql`${t.status} in ('pending', 'changes_requested') and ${t.contentItemId} is not null`),
    uniqueIndex("approval_requests_open_campaign")
      .on(t.campaignId)
      .where(sql`${t.status} in ('pending', 'changes_requested') and ${t.subject} = 'campaign'`),
    // "All pending" by due time and age; "Requested by me"; "Decided".
    index("approval_requests_pending_index").on(t.workspaceId, t.stageDueAt, t.requestedAt, t.id).where(sql`${t.status} = 'pending'`),
    index().on(t.workspaceId, t.requestedById, t.requestedAt),
    index().on(t.workspaceId, t.decidedAt),
  ],
);

/** Who a stage of a round waits on: members, and external reviewers by email (who have no account). */
export const approvalApprovers = pgTable(
  "approval_approvers",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    requestId: uuid()
      .notNull()
      .references(() => approvalRequests.id, { onDelete: "cascade" }),
    stageIndex: integer().notNull(),
    round: integer().notNull(),
    userId: uuid().references(() => users.id, { onDelete: "cascade" }),
    /** An external reviewer's address (userId null). */
    email: text(),
    /** The emailed review link's token is the server secret's HMAC of this; only its hash leaves the server in no other form. */
    tokenNonce: text().notNull(),
    /** Added by escalation rather than by the policy's stage. */
    escalated: boolean().notNull().default(false),
    /** True while the stage is open and they have not decided: "Waiting on me" reads only these rows. */
    waiting: boolean().notNull().default(true),
    /** The round's timeout and when the request was made, copied from it (neither changes within a round): "Waiting on me" pages in this order from its index alone. */
    dueAt: timestamp({ withTimezone: true }),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("approval_approvers_member").on(t.requestId, t.round, t.userId),
    unique("approval_approvers_email").on(t.requestId, t.round, t.email),
    index("approval_approvers_waiting_index").on(t.workspaceId, t.userId, t.dueAt, t.requestedAt, t.requestId).where(sql`${t.waiting}`),
    index("approval_approvers_waiting_age_index").on(t.workspaceId, t.userId, t.requestedAt, t.requestId).where(sql`${t.waiting}`),
    index().on(t.requestId, t.round),
  ],
);

export const approvalDecisions = pgTable(
  "approval_decisions",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    requestId: uuid()
      .notNull()
      .references(() => approvalRequests.id, { onDelete: "cascade" }),
    stageIndex: integer().notNull(),
    round: integer().notNull(),
    /** The version decided on: shown as "on an earlier version" once the item moves on. */
    version: integer().notNull(),
    approverId: uuid()
      .notNull()
      .references(() => approvalApprovers.id, { onDelete: "cascade" }),
    /** Null for an external reviewer, and for a decision Crescendo made on timeout. */
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Who decided, as shown (a member's name, an external reviewer's address). */
    byName: text().notNull(),
    decision: approvalDecisionKind().notNull(),
    comment: text().notNull().default(""),
    /** The passage of the body a comment is about: character offsets into that version's body, and the text. */
    anchor: jsonb().$type<{ start: number; end: number; quote: string }>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("approval_decisions_once").on(t.approverId), index().on(t.requestId, t.createdAt), index().on(t.workspaceId, t.createdAt)],
);

export const approvalRequestsRelations = relations(approvalRequests, ({ one, many }) => ({
  contentItem: one(contentItems, { fields: [approvalRequests.contentItemId], references: [contentItems.id] }),
  campaign: one(campaigns, { fields: [approvalRequests.campaignId], references: [campaigns.id] }),
  approvers: many(approvalApprovers),
  decisions: many(approvalDecisions),
}));

export const approvalApproversRelations = relations(approvalApprovers, ({ one }) => ({
  request: one(approvalRequests, { fields: [approvalApprovers.requestId], references: [approvalRequests.id] }),
  user: one(users, { fields: [approvalApprovers.userId], references: [users.id] }),
}));

export const approvalDecisionsRelations = relations(approvalDecisions, ({ one }) => ({
  request: one(approvalRequests, { fields: [approvalDecisions.requestId], references: [approvalRequests.id] }),
}));

export type ApprovalPolicy = typeof approvalPolicies.$inferSelect;
export type ApprovalRequest = typeof approvalRequests.$inferSelect;
export type ApprovalApprover = typeof approvalApprovers.$inferSelect;
export type ApprovalDecision = typeof approvalDecisions.$inferSelect;
