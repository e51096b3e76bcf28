import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { contentItems } from "@/db/schema";
import { contentApproved } from "./content-approved";
import { findCampaign } from "@/server/services/campaigns/find-campaign";

/** A campaign's content items, scheduled ones first by time, then the unscheduled ones as they were added. */
export async function listContentItems(db: Database, input: { workspaceId: string; campaignId: string }) {
  await findCampaign(db, input);
  return db
    .select({
      id: contentItems.id,
      channel: contentItems.channel,
      title: contentItems.title,
      scheduledAt: contentItems.scheduledAt,
      version: contentItems.version,
      approvalStatus: contentItems.approvalStatus,
      approved: contentApproved,
      updatedAt: contentItems.updatedAt,
    })
    .from(contentItems)
    .where(and(eq(contentItems.workspaceId, input.workspaceId), eq(contentItems.campaignId, input.campaignId)))
    .orderBy(sql`${contentItems.scheduledAt} asc nulls last`, asc(contentItems.createdAt), asc(contentItems.id))
    .limit(500);
}
