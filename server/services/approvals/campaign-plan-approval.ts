// A campaign's plan goes through its type's approval policy: moving it to "In
// review" asks for approval, the policy's last stage moves it to "Approved", and
// a request sent back or rejected returns it to "Planned". Where no policy
// applies, a manager approves the plan directly, as before.
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { type ApprovalRequest, type Campaign, type CampaignStatus, approvalRequests, milestones } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordRequestHistory } from "./request-history";
import { findApplicablePolicy } from "@/server/services/approval-policies/find-applicable-policy";
import { approvalFingerprint } from "./fingerprint";
import { closeRequest, memberName, restartAtNewVersion, startStage } from "./stage-lifecycle";

async function openPlanRequest(tx: Database, campaign: Campaign) {
  const [open] = await tx
    .select()
    .from(approvalRequests)
    .where(and(eq(approvalRequests.campaignId, campaign.id), eq(approvalRequests.subject, "campaign"), inArray(approvalRequests.status, ["pending", "changes_requested"])))
    .for("update");
  return open;
}

/** What a plan's approval is given for: the campaign's fields and its milestones. */
async function planFingerprint(tx: Database, campaign: Campaign): Promise<string> {
  const plan = await tx.select({ name: milestones.name, dueDate: milestones.dueDate }).from(milestones).where(eq(milestones.campaignId, campaign.id)).orderBy(milestones.position);
  return approvalFingerprint({
    name: campaign.name,
    goal: campaign.goal,
    audience: campaign.audience,
    channels: campaign.channels,
    budget: campaign.budgetAmount,
    dates: [campaign.startDate, campaign.launchDate, campaign.endDate],
    milestones: plan,
  });
}

/**
 * An edit of a campaign whose plan waits for approval makes a new version of the
 * plan: the request goes back to its first stage, as a content item's does.
 * Called in the edit's transaction, with the campaign locked and saved.
 */
export async function restartPlanApprovalOnEdit(tx: Database, input: { actorId: string; campaign: Campaign; now?: Date }): Promise<void> {
  const open = await openPlanRequest(tx, input.campaign);
  if (open?.status !== "pending") return;
  const now = input.now ?? new Date();
  const fingerprint = await planFingerprint(tx, input.campaign);
  if (fingerprint === open.fingerprint) return;
  await restartAtNewVersion(tx, open, { version: open.version + 1, fingerprint }, { actorId: input.actorId, now });
}

/** Refuses a manager's direct approval of a plan that a policy approves. Call before the status changes. */
export async function assertPlanMayBeApprovedDirectly(tx: Database, campaign: Campaign, to: CampaignStatus): Promise<void> {
  if (to !== "approved" || campaign.status !== "in_review") return;
  const policy = await findApplicablePolicy(tx, { workspaceId: campaign.workspaceId, channel: null, campaignType: campaign.type });
  const open = await openPlanRequest(tx, campaign);
  if (policy || open) {
    throw new AppError(
      "CONFLICT",
      `This campaign's plan is approved through the “${open?.policyName ?? policy!.name}” policy: approve its request on the Approvals page.`,
    );
  }
}

/** After the status changed: asks for the plan's approval on entering review, withdraws it on leaving review. */
export async function onCampaignStatusChanged(
  tx: Database,
  input: { workspaceId: string; actorId: string; campaign: Campaign; from: CampaignStatus; to: CampaignStatus; now?: Date },
): Promise<ApprovalRequest | null> {
  const now = input.now ?? new Date();
  const { campaign } = input;
  if (input.from === "in_review" && input.to !== "approved") {
    const open = await openPlanRequest(tx, campaign);
    if (open) await closeRequest(tx, open, "withdrawn", { actorId: input.actorId, now, by: await memberName(tx, input.actorId) });
    return null;
  }
  if (input.to !== "in_review") return null;
  const policy = await findApplicablePolicy(tx, { workspaceId: input.workspaceId, channel: null, campaignType: campaign.type });
  if (!policy) return null;
  const [previous] = await tx
    .select({ version: approvalRequests.version })
    .from(approvalRequests)
    .where(and(eq(approvalRequests.campaignId, campaign.id), eq(approvalRequests.subject, "campaign")))
    .orderBy(desc(approvalRequests.version))
    .limit(1);
  const fingerprint = await planFingerprint(tx, campaign);
  const [request] = await tx
    .insert(approvalRequests)
    .values({
      workspaceId: input.workspaceId,
      subject: "campaign",
      campaignId: campaign.id,
      policyId: policy.id,
      policyName: policy.name,
      stages: policy.stages,
      allowSelfApproval: policy.allowSelfApproval,
      version: (previous?.version ?? 0) + 1,
      fingerprint,
      round: 0,
      requestedById: input.actorId,
      requestedAt: now,
    })
    .returning();
  await recordRequestHistory(tx, request!, { actorId: input.actorId, at: now, action: "requested", after: { version: request!.version, policy: policy.name } });
  return startStage(tx, request!, 0, { actorId: input.actorId, now, reason: "requested" });
}
