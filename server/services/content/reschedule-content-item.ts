import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { contentItems } from "@/db/schema";
import type { RescheduleContentInput } from "./content.schema";
import { recordAudit } from "@/server/services/audit/record-audit";
import { assertSchedulable, assertWithinCampaign, findContentItem } from "./find-content-item";
import { localToInstant } from "./local-time";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";

/**
 * Moves a content item to a wall-clock time in a zone (the calendar sends the
 * viewer's), or unschedules it with `localDateTime: null`. The same local time
 * stays the same local time across a daylight-saving change. Returns the item
 * with the instant it had before, so the calendar can offer to undo the move.
 */
export async function rescheduleContentItem(db: Database, input: RescheduleContentInput & { workspaceId: string; actorId: string }) {
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    const { item, campaign } = await findContentItem(tx, input, { forUpdate: true });
    assertSchedulable(campaign);
    let scheduledAt: Date | null = null;
    if (input.localDateTime !== null) {
      scheduledAt = localToInstant(input.localDateTime, input.timeZone, "localDateTime");
      assertWithinCampaign(campaign, input.localDateTime, "localDateTime");
    }
    const previousScheduledAt = item.scheduledAt;
    if ((previousScheduledAt?.getTime() ?? null) === (scheduledAt?.getTime() ?? null)) return { ...item, previousScheduledAt };

    const [moved] = await tx
      .update(contentItems)
      .set({ scheduledAt, updatedAt: new Date() })
      .where(and(eq(contentItems.id, item.id), eq(contentItems.workspaceId, input.workspaceId)))
      .returning();
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actorId: input.actorId,
      entityType: "content_item",
      entityId: item.id,
      campaignId: campaign.id,
      action: "rescheduled",
      before: { title: item.title, scheduledAt: previousScheduledAt?.toISOString() ?? null },
      after: { title: item.title, scheduledAt: scheduledAt?.toISOString() ?? null, timeZone: input.localDateTime === null ? null : input.timeZone },
    });
    return { ...moved!, previousScheduledAt };
  });
}
