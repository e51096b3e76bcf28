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
export const notificationKinds = ["assigned", "mentioned", "due_soon", "overdue", "escalated", "dependency_done"] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Where a member wants a kind of notification. */
export const notificationChannels = ["in_app", "email", "both", "none"] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/** none: no email wanted; pending: waiting for the member's next batch; sent: in an email. */
export const notificationEmailStates = ["none", "pending", "sent"] as const;
export type NotificationEmailState = (typeof notificationEmailStates)[number];
