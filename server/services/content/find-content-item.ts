import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { type Campaign, campaigns, type ContentItem, contentItems } from "@/db/schema";
import { campaignStatusLabels } from "@/server/services/campaigns/campaign-labels";
import { closedStatuses } from "@/server/services/campaigns/closed-statuses";
import { AppError, fieldError } from "@/server/errors";

/**
 * The content item with this id in this workspace and its campaign, locked for
 * the rest of the transaction when `forUpdate`; NOT_FOUND otherwise (another
 * workspace's item is indistinguishable from none).
 */
export async function findContentItem(
  tx: Database,
  input: { workspaceId: string; contentItemId: string },
  options: { forUpdate?: boolean } = {},
): Promise<{ item: ContentItem; campaign: Campaign }> {
  const query = tx
    .select({ item: contentItems, campaign: campaigns })
    .from(contentItems)
    .innerJoin(campaigns, eq(campaigns.id, contentItems.campaignId))
    .where(and(eq(contentItems.workspaceId, input.workspaceId), eq(contentItems.id, input.contentItemId)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw new AppError("NOT_FOUND", "That content item does not exist in this workspace.");
  return row;
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
