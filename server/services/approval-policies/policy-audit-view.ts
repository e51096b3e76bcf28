import type { ApprovalPolicy } from "@/db/schema";

/** What the audit log keeps of a policy: everything an admin set. */
export const policyAuditView = (row: ApprovalPolicy) => ({
  name: row.name,
  stages: row.stages,
  allowSelfApproval: row.allowSelfApproval,
  requireChecks: row.requireChecks,
  campaignTypes: row.campaignTypes,
  channels: row.channels,
});
