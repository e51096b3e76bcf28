import { and, eq, or, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { type ApprovalPolicy, approvalPolicies } from "@/db/schema";
import type { CampaignType, Channel } from "@/db/schema/enum-values";

/**
 * The policy a request follows: for a content item (a channel) its channel's
 * default policy, else its campaign type's; for a campaign's plan (channel null)
 * its campaign type's. Null when none applies: then no approval is needed and a
 * manager's direct move stays possible. A channel or type is the default of at
 * most one policy (save-approval-policy.ts keeps it so), so at most two rows match.
 */
export async function findApplicablePolicy(
  tx: Database,
  input: { workspaceId: string; channel: Channel | null; campaignType: CampaignType },
): Promise<ApprovalPolicy | null> {
  const byType = sql`${input.campaignType}::campaign_type = any(${approvalPolicies.campaignTypes})`;
  const byChannel = input.channel === null ? undefined : sql`${input.channel}::channel = any(${approvalPolicies.channels})`;
  const rows = await tx
    .select()
    .from(approvalPolicies)
    .where(and(eq(approvalPolicies.workspaceId, input.workspaceId), byChannel ? or(byChannel, byType) : byType))
    .limit(2);
  return (input.channel !== null && rows.find((policy) => policy.channels.includes(input.channel!))) || rows[0] || null;
}
