import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { approvalPolicies } from "@/db/schema";

/** The workspace's approval policies, by name; every member may read them (they say who approves what). */
export function listApprovalPolicies(db: Database, input: { workspaceId: string }) {
  return db
    .select({
      id: approvalPolicies.id,
      name: approvalPolicies.name,
      stages: approvalPolicies.stages,
      allowSelfApproval: approvalPolicies.allowSelfApproval,
      requireChecks: approvalPolicies.requireChecks,
      campaignTypes: approvalPolicies.campaignTypes,
      channels: approvalPolicies.channels,
      updatedAt: approvalPolicies.updatedAt,
    })
    .from(approvalPolicies)
    .where(eq(approvalPolicies.workspaceId, input.workspaceId))
    .orderBy(asc(approvalPolicies.name), asc(approvalPolicies.id))
    .limit(200);
}
