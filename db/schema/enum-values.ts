// The values of the database's enums, apart from the tables: the browser needs
// these lists (labels, filters, pickers) and must not pull the database layer in
// with them. The pgEnum types are declared from them in the schema files.

export const memberRoles = ["admin", "manager", "marketer", "viewer"] as const;
export type MemberRole = (typeof memberRoles)[number];

export const workflowRunStatuses = ["queued", "running", "sleeping", "waiting", "completed", "failed", "cancelled"] as const;
export type WorkflowRunStatus = (typeof workflowRunStatuses)[number];

export const campaignTypes = ["product_launch", "webinar", "newsletter", "content_series", "outreach", "event", "paid_ads"] as const;
export type CampaignType = (typeof campaignTypes)[number];

// The transitions between them live in server/services/campaigns/campaign-status.ts.
export const campaignStatuses = [
  "draft",
  "planned",
  "in_review",
  "approved",
  "active",
  "paused",
  "completed",
  "cancelled",
  "archived",
] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

export const channels = ["email", "linkedin", "x", "instagram", "facebook", "pinterest", "blog", "ad"] as const;
export type Channel = (typeof channels)[number];

// The moves between them live in server/services/tasks/task-status.ts.
export const taskStatuses = ["todo", "in_progress", "blocked", "in_review", "done"] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const taskPriorities = ["low", "medium", "high", "urgent"] as const;
export type TaskPriority = (typeof taskPriorities)[number];

/** The skills a new workspace starts with; admins and managers add their own on /team. */
export const defaultSkills = ["copywriting", "design", "video", "social", "email", "seo", "analytics", "events"] as const;

// What a notification is about. A new kind (the approvals issue adds some) is one
// more entry here, its label and default channel in
// server/services/notifications/notification-kinds.ts, and a generated migration.
export const notificationKinds = [
  "assigned",
  "mentioned",
  "due_soon",
  "overdue",
  "escalated",
  "dependency_done",
  "approval_waiting",
  "approval_outcome",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Where a member wants a kind of notification. */
export const notificationChannels = ["in_app", "email", "both", "none"] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/** none: no email wanted; pending: waiting for the member's next batch; sent: in an email. */
export const notificationEmailStates = ["none", "pending", "sent"] as const;
export type NotificationEmailState = (typeof notificationEmailStates)[number];

// Approvals (server/services/approvals). A request is about a content item or a campaign's plan.
export const approvalSubjects = ["content_item", "campaign"] as const;
export type ApprovalSubject = (typeof approvalSubjects)[number];

/** pending: a stage waits on its approvers; changes_requested: back with the requester until they resubmit. */
export const approvalRequestStatuses = ["pending", "changes_requested", "approved", "rejected", "expired", "withdrawn"] as const;
export type ApprovalRequestStatus = (typeof approvalRequestStatuses)[number];

export const approvalDecisionKinds = ["approved", "rejected", "changes_requested"] as const;
export type ApprovalDecisionKind = (typeof approvalDecisionKinds)[number];

/** How many of a stage's approvers must approve: one, more than half, every one, or at least `quorum`. */
export const approvalRules = ["any", "majority", "all", "at_least"] as const;
export type ApprovalRule = (typeof approvalRules)[number];

export const approvalTimeoutUnits = ["business_hours", "business_days"] as const;
export type ApprovalTimeoutUnit = (typeof approvalTimeoutUnits)[number];

/** The last step of a stage's timeout ladder: approve on its own, expire the request, or keep waiting. */
export const approvalTimeoutOutcomes = ["approve", "expire", "wait"] as const;
export type ApprovalTimeoutOutcome = (typeof approvalTimeoutOutcomes)[number];

/** One stage of a policy, as stored (jsonb) and as the settings form edits it. */
export interface ApprovalStagePolicy {
  name: string;
  approvers: { userIds: string[]; roles: MemberRole[]; emails: string[] };
  rule: ApprovalRule;
  /** For "at_least"; null otherwise. */
  quorum: number | null;
  /** Remind whoever has not decided every this many business hours before the timeout; null: no reminders before it. */
  remindEveryHours: number | null;
  timeout: { amount: number; unit: ApprovalTimeoutUnit };
  /** At the timeout, one timeout apart and in this order: remind again, escalate, then the outcome. */
  onTimeout: { remind: boolean; escalateTo: { userIds: string[]; roles: MemberRole[] } | null; then: ApprovalTimeoutOutcome };
}

/** Where a content item stands with its approval; "approved" holds for `approvedVersion` only. */
export const contentApprovalStatuses = ["draft", "in_review", "changes_requested", "approved", "rejected", "expired"] as const;
export type ContentApprovalStatus = (typeof contentApprovalStatuses)[number];
