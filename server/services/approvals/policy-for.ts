// The policy a request runs under: the workspace's policy for the item's channel
// or campaign type, or, where none applies, one stage any manager or admin decides.
import type { Database } from "@/db";
import type { CampaignType, Channel } from "@/db/schema/enum-values";
import type { ApprovalStagePolicy } from "@/db/schema/enum-values";
import { findApplicablePolicy } from "@/server/services/approval-policies/find-applicable-policy";

export interface RunnablePolicy {
  id: string | null;
  name: string;
  stages: ApprovalStagePolicy[];
  allowSelfApproval: boolean;
  requireChecks: boolean;
}

export const managerReviewPolicy: RunnablePolicy = {
  id: null,
  name: "Manager review",
  stages: [
    {
      name: "Manager review",
      approvers: { userIds: [], roles: ["manager", "admin"], emails: [] },
      rule: "any",
      quorum: null,
      remindEveryHours: null,
      timeout: { amount: 2, unit: "business_days" },
      onTimeout: { remind: true, escalateTo: null, then: "wait" },
    },
  ],
  allowSelfApproval: false,
  requireChecks: false,
};

export async function policyFor(tx: Database, input: { workspaceId: string; channel: Channel | null; campaignType: CampaignType }): Promise<RunnablePolicy> {
  return (await findApplicablePolicy(tx, input)) ?? managerReviewPolicy;
}
