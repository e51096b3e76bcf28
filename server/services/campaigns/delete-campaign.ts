import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { campaigns } from "@/db/schema";
import type { MemberRole } from "@/db/schema/workspaces";
import { hasRole } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import { auditView } from "./create-campaign";
import { findCampaign } from "./find-campaign";

/**
 * Deletes a campaign with its milestones and content. Marketers may delete only
 * the campaigns they own; managers and admins any. The audit log keeps the record.
 */
export async function deleteCampaign(db: Database, input: { workspaceId: string; actorId: string; role: MemberRole; campaignId: string }) {
  return db.transaction(async (tx) => {
    const current = await findCampaign(tx, input, { forUpdate: true });
    if (current.ownerId !== input.actorId && !hasRole(input.role, "manager")) {
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
