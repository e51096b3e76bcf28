import type { Database } from "@/db";
import { contentItems, contentVersions } from "@/db/schema";
import type { CreateContentInput } from "./content.schema";
import { recordAudit } from "@/server/services/audit/record-audit";
import { findCampaign } from "@/server/services/campaigns/find-campaign";
import { assertChannelRules } from "./assert-channel-rules";
import { assertEditable, assertSchedulable, assertWithinCampaign, contentAuditView } from "./find-content-item";
import { localToInstant } from "./local-time";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";

/** Adds a content item to a campaign, with its first version; scheduled when a local time and zone are given. */
export async function createContentItem(db: Database, input: CreateContentInput & { workspaceId: string; actorId: string }) {
  const { workspaceId, actorId, campaignId, channel, title, body, media, scheduledAt: schedule } = input;
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    const campaign = await findCampaign(tx, { workspaceId, campaignId }, { forUpdate: true });
    assertEditable(campaign);
    assertChannelRules(channel, { title, body, media });
    let scheduledAt: Date | null = null;
    if (schedule) {
      assertSchedulable(campaign);
      scheduledAt = localToInstant(schedule.localDateTime, schedule.timeZone, "scheduledAt");
      assertWithinCampaign(campaign, schedule.localDateTime, "scheduledAt");
    }

    const [item] = await tx
      .insert(contentItems)
      .values({ workspaceId, campaignId, channel, title, body, media, scheduledAt, version: 1, createdById: actorId })
      .returning();
    await tx.insert(contentVersions).values({ workspaceId, contentItemId: item!.id, version: 1, title, body, media, createdById: actorId });
    await recordAudit(tx, {
      workspaceId,
      actorId,
      entityType: "content_item",
      entityId: item!.id,
      campaignId,
      action: "created",
      after: contentAuditView(item!),
    });
    return item!;
  });
}
