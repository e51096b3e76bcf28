import { z } from "zod";
import { approvalDecisionKinds, approvalRequestStatuses, channels } from "@/db/schema/enum-values";
import { id, int } from "@/server/services/shared/number.schema";
import { text } from "@/server/services/shared/text.schema";

// What people send about approval requests: asking, deciding, and reading the queue.
// Policies have their own schema (server/services/approval-policies).

export const approvalRequestIdInput = z.object({ requestId: id("Choose an approval request") });

export const requestContentApprovalInput = z.object({ contentItemId: id("Choose a content item") });

const versionField = int({ message: "Say which version you decided on", min: 1, minMessage: "Say which version you decided on", maxMessage: "There is no such version" });

export const decisionField = z.enum(approvalDecisionKinds, { error: "Choose approve, reject or request changes" });

export const decisionComment = text({ max: 5000, multiline: true, tooLong: "Keep the comment to at most 5,000 characters" });

/** A passage of the body a comment is about, as character offsets into the version decided on. */
const offset = int({ message: "Choose a passage of the text", min: 0, minMessage: "Choose a passage of the text", maxMessage: "Choose a passage of the text" });
export const anchorField = z
  .object({ start: offset, end: offset })
  .refine((anchor) => anchor.end > anchor.start, { message: "Choose a passage of at least one character", path: ["end"] });

export const decideApprovalInput = approvalRequestIdInput.extend({
  /** The version the approver looked at: deciding on another one is refused. */
  version: versionField,
  decision: decisionField,
  comment: decisionComment.default(""),
  anchor: anchorField.nullish(),
});

/** Approve or reject many at once, with one comment; each item is checked against the version the approver saw. */
export const bulkDecideApprovalInput = z.object({
  items: z
    .array(z.object({ requestId: id("Choose an approval request"), version: versionField }))
    .min(1, "Choose at least one request")
    .max(100, "Decide on at most 100 requests at once"),
  decision: z.enum(["approved", "rejected"], { error: "Choose approve or reject" }),
  comment: decisionComment.default(""),
});

export const approvalViews = ["waiting", "pending", "mine", "decided"] as const;
export type ApprovalView = (typeof approvalViews)[number];

export const approvalQueueInput = z.object({
  view: z.enum(approvalViews, { error: "Choose a view: waiting on me, all pending, requested by me or decided" }).default("waiting"),
  campaignId: id("Choose a campaign").nullish(),
  channel: z.enum(channels, { error: `Choose a channel: ${channels.join(", ")}` }).nullish(),
  requesterId: id("Choose who asked").nullish(),
  /** The stage's position (1 for the first). */
  stage: int({ message: "Choose a stage", min: 1, minMessage: "Choose a stage", max: 20, maxMessage: "Choose a stage" }).nullish(),
  overdue: z.boolean({ error: "Say whether to show only overdue requests" }).nullish(),
  sort: z.enum(["due", "age"], { error: "Sort by due time or by age" }).default("due"),
  limit: int({ message: "Choose how many to show", min: 1, minMessage: "Show at least one", max: 100, maxMessage: "Show at most 100" }).default(50),
});

export const approvalStatusField = z.enum(approvalRequestStatuses);

export type DecideApprovalInput = z.infer<typeof decideApprovalInput>;
export type BulkDecideApprovalInput = z.infer<typeof bulkDecideApprovalInput>;
export type ApprovalQueueInput = z.infer<typeof approvalQueueInput>;
