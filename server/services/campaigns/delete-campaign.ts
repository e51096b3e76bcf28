import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { campaigns } from "@/db/schema";
import { hasRole } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { auditView } from "./create-campaign";
import { findCampaign } from "./find-campaign";

/**
 * Deletes a campaign with its milestones and content. Marketers may delete only
 * the campaigns they own; managers and admins any (their role as it is inside
 * the transaction). The audit log keeps the record.
 */
export async function deleteCampaign(db: Database, input: { workspaceId: string; actorId: string; campaignId: string }) {
  return transactionWithRetry(db, async (tx) => {
    const role = await assertActorRole(tx, input, "marketer");
    const current = await findCampaign(tx, input, { forUpdate: true });
    if (current.ownerId !== input.actorId && !hasRole(role, "manager")) {
      throw new AppError("FORBIDDEN", "Only the campaign's owner, a manager or an admin can delete it.");
    }
    await tx.delete(campaigns).where(and(eq(campaigns.id, input.campaignId), eq(campaigns.workspaceId, input.workspaceId)));
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actorId: input.actorId,
      entityType: "campaign",
      entityId: current.id,
      campaignId: current.id,
      action: "deleted",
      before: auditView(current),
    });
    return { campaignId: current.id, name: current.name };
  });
}
