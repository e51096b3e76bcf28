import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { contentItems } from "@/db/schema";
import { recordAudit } from "@/server/services/audit/record-audit";
import { assertEditable, contentAuditView, findContentItem } from "./find-content-item";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";

/** Deletes an item and its versions; the campaign's history keeps what it was. */
export async function deleteContentItem(db: Database, input: { workspaceId: string; actorId: string; contentItemId: string }) {
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    const { item, campaign } = await findContentItem(tx, input, { forUpdate: true });
    assertEditable(campaign);
    await tx.delete(contentItems).where(and(eq(contentItems.id, item.id), eq(contentItems.workspaceId, input.workspaceId)));
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actorId: input.actorId,
      entityType: "content_item",
      entityId: item.id,
      campaignId: campaign.id,
      action: "deleted",
      before: contentAuditView(item),
    });
    return { id: item.id, campaignId: campaign.id };
  });
}
