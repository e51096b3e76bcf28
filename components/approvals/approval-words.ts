// Words for approval states, as the queue, the content page and the calendar
// show them. Free of the database layer: pages import it in the browser.
import type { ApprovalDecisionKind, ApprovalRequestStatus, ContentApprovalStatus } from "@/db/schema/enum-values";
import type { ContentCheckKind, ContentFindingSeverity } from "@/server/services/content-checks";

export const requestStatusLabels: Record<ApprovalRequestStatus, string> = {
  pending: "Pending",
  changes_requested: "Changes requested",
  approved: "Approved",
  rejected: "Rejected",
  expired: "Expired",
  withdrawn: "Withdrawn",
};

export const contentApprovalLabels: Record<ContentApprovalStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  changes_requested: "Changes requested",
  approved: "Approved",
  rejected: "Rejected",
  expired: "Expired",
};

export const decisionLabels: Record<ApprovalDecisionKind, string> = {
  approved: "Approved",
  rejected: "Rejected",
  changes_requested: "Requested changes",
};

export const checkKindLabels: Record<ContentCheckKind, string> = {
  brand: "Brand rules",
  disclaimer: "Disclaimer",
  links: "Links and placeholders",
  accessibility: "Accessibility",
  readability: "Readability",
  channel: "Channel limits",
};

export const severityLabels: Record<ContentFindingSeverity, string> = { error: "Must fix", warning: "Warning", info: "Note" };

/** "2 of 2 · Admin sign-off": where a request stands among its policy's stages. */
export const stageLabel = (stage: number, stageCount: number, stageName: string) => `${stage} of ${stageCount} · ${stageName}`;
