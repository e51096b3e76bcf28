import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { type Campaign, campaigns, type ContentItem, contentItems } from "@/db/schema";
import { campaignStatusLabels } from "@/server/services/campaigns/campaign-labels";
import { closedStatuses } from "@/server/services/campaigns/closed-statuses";
import { AppError, fieldError } from "@/server/errors";

const notFound = () => new AppError("NOT_FOUND", "That content item does not exist in this workspace.");

/**
 * The content item with this id in this workspace and its campaign, both locked
 * for the rest of the transaction when `forUpdate`; NOT_FOUND otherwise (another
 * workspace's item is indistinguishable from none).
 */
export async function findContentItem(
  tx: Database,
  input: { workspaceId: string; contentItemId: string },
  options: { forUpdate?: boolean } = {},
): Promise<{ item: ContentItem; campaign: Campaign }> {
  if (options.forUpdate) return lockContentItem(tx, input);
  const [row] = await tx
    .select({ item: contentItems, campaign: campaigns })
    .from(contentItems)
    .innerJoin(campaigns, eq(campaigns.id, contentItems.campaignId))
    .where(and(eq(contentItems.workspaceId, input.workspaceId), eq(contentItems.id, input.contentItemId)))
    .limit(1);
  if (!row) throw notFound();
  return row;
}

/**
 * Locks the item's campaign, then the item: the order every service locks in
 * (deleting a campaign locks it, then its cascade locks the items). Locking both
 * in one join took the item first and deadlocked against a campaign being
 * deleted. Waiting for the campaign lets a delete finish first: the item is then
 * gone, and NOT_FOUND says so.
 */
async function lockContentItem(tx: Database, input: { workspaceId: string; contentItemId: string }) {
  const itemCampaign = tx
    .select({ id: contentItems.campaignId })
    .from(contentItems)
    .where(and(eq(contentItems.workspaceId, input.workspaceId), eq(contentItems.id, input.contentItemId)));
  const [campaign] = await tx
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.workspaceId, input.workspaceId), inArray(campaigns.id, itemCampaign)))
    .for("update");
  if (!campaign) throw notFound();
  const [item] = await tx
    .select()
    .from(contentItems)
    .where(and(eq(contentItems.id, input.contentItemId), eq(contentItems.campaignId, campaign.id)))
    .for("update");
  if (!item) throw notFound();
  return { item, campaign };
}

/** An archived campaign is read-only until it is restored. */
export function assertEditable(campaign: Campaign): void {
  if (campaign.status === "archived") throw new AppError("CONFLICT", "This campaign is archived. Restore it to change its content.");
}

/** A campaign whose plan is settled (see closedStatuses) no longer has its content scheduled or moved. */
export function assertSchedulable(campaign: Campaign): void {
  assertEditable(campaign);
  if (closedStatuses.has(campaign.status)) {
    throw new AppError("CONFLICT", `This campaign is ${campaignStatusLabels[campaign.status].toLowerCase()}, so its content can no longer be scheduled or moved.`);
  }
}

/** Refuses a day (the local day of the new time) outside the campaign's start and end dates. ISO days compare as strings. */
export function assertWithinCampaign(campaign: Campaign, localDateTime: string, field: string): void {
  const day = localDateTime.slice(0, 10);
  if (day < campaign.startDate || day > campaign.endDate) {
    throw fieldError(field, `Pick a day between the campaign's start (${campaign.startDate}) and end (${campaign.endDate}); ${day} is outside it.`);
  }
}

/** The fields of an item worth showing in its campaign's history. */
export function contentAuditView(item: ContentItem): Record<string, unknown> {
  return {
    channel: item.channel,
    title: item.title,
    body: item.body,
    media: item.media,
    scheduledAt: item.scheduledAt?.toISOString() ?? null,
    version: item.version,
  };
}
