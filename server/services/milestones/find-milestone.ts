import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { type Campaign, campaigns, type Milestone, milestones } from "@/db/schema";
import { campaignStatusLabels } from "@/server/services/campaigns/campaign-labels";
import { closedStatuses } from "@/server/services/campaigns/closed-statuses";
import { AppError, fieldError } from "@/server/errors";

/**
 * The milestone with this id in this workspace and its campaign, both locked for
 * the rest of the transaction; NOT_FOUND otherwise (another workspace's milestone
 * is indistinguishable from none). The campaign is locked first, then the
 * milestone: the order every service locks in (deleting a campaign or
 * regenerating its timeline locks it, then its milestones). Locking both in one
 * join took the milestone first and deadlocked against those. Waiting for the
 * campaign lets them finish first: the milestone is then gone, and NOT_FOUND says so.
 */
export async function findMilestone(
  tx: Database,
  input: { workspaceId: string; milestoneId: string },
): Promise<{ milestone: Milestone; campaign: Campaign }> {
  const notFound = () => new AppError("NOT_FOUND", "That milestone does not exist in this workspace.");
  const milestoneCampaign = tx
    .select({ id: milestones.campaignId })
    .from(milestones)
    .where(and(eq(milestones.workspaceId, input.workspaceId), eq(milestones.id, input.milestoneId)));
  const [campaign] = await tx
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.workspaceId, input.workspaceId), inArray(campaigns.id, milestoneCampaign)))
    .for("update");
  if (!campaign) throw notFound();
  const [milestone] = await tx
    .select()
    .from(milestones)
    .where(and(eq(milestones.id, input.milestoneId), eq(milestones.campaignId, campaign.id)))
    .for("update");
  if (!milestone) throw notFound();
  return { milestone, campaign };
}

/** Refuses to change the schedule of a completed, cancelled or archived campaign. */
export function assertSchedulable(campaign: Campaign): void {
  if (campaign.status === "archived") throw new AppError("CONFLICT", "This campaign is archived. Restore it to change its timeline.");
  if (closedStatuses.has(campaign.status)) {
    throw new AppError("CONFLICT", `This campaign is ${campaignStatusLabels[campaign.status].toLowerCase()}, so its timeline can no longer change.`);
  }
}

/** Refuses a due date outside the campaign's start and end dates, naming them. ISO days compare as strings. */
export function assertWithinCampaign(campaign: Campaign, dueDate: string): void {
  if (dueDate < campaign.startDate || dueDate > campaign.endDate) {
    throw fieldError("dueDate", `Pick a day between the campaign's start (${campaign.startDate}) and end (${campaign.endDate}).`);
  }
}

/** The fields of a milestone worth showing in its campaign's history. */
export function milestoneAuditView(milestone: Milestone): Record<string, unknown> {
  return { name: milestone.name, dueDate: milestone.dueDate, position: milestone.position, completedAt: milestone.completedAt?.toISOString() ?? null };
}
