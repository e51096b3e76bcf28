import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { contentItems, contentVersions } from "@/db/schema";
import type { UpdateContentInput } from "./content.schema";
import { changedFields, recordAudit } from "@/server/services/audit/record-audit";
import { assertChannelRules } from "./assert-channel-rules";
import { assertEditable, findContentItem } from "./find-content-item";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { restartApprovalOnNewVersion } from "@/server/services/approvals/restart-on-new-version";

/**
 * Saves a new title, body or images. Every save that changes one of them is a
 * new version (and bumps the item's `version`); a save that changes nothing
 * writes nothing. The result must meet the channel's rules. A new version ends
 * an approval of an earlier one and sends a waiting request back to its first stage.
 */
export async function updateContentItem(db: Database, input: UpdateContentInput & { workspaceId: string; actorId: string }) {
  const { workspaceId, actorId, contentItemId, ...fields } = input;
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    const { item, campaign } = await findContentItem(tx, { workspaceId, contentItemId }, { forUpdate: true });
    assertEditable(campaign);
    const next = { title: fields.title ?? item.title, body: fields.body ?? item.body, media: fields.media ?? item.media };
    const diff = changedFields({ title: item.title, body: item.body, media: item.media }, next);
    if (!diff.changed) return item;
    assertChannelRules(item.channel, next);

    const version = item.version + 1;
    const [saved] = await tx
      .update(contentItems)
      .set({ ...next, version, updatedAt: new Date() })
      .where(and(eq(contentItems.id, item.id), eq(contentItems.workspaceId, workspaceId)))
      .returning();
    await tx.insert(contentVersions).values({ workspaceId, contentItemId: item.id, version, ...next, createdById: actorId });
    await restartApprovalOnNewVersion(tx, { actorId, item: saved! });
    await recordAudit(tx, {
      workspaceId,
      actorId,
      entityType: "content_item",
      entityId: item.id,
      campaignId: campaign.id,
      action: "updated",
      before: { ...diff.before, version: item.version },
      after: { ...diff.after, version },
    });
    return saved!;
  });
}
