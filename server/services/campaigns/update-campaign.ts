import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { campaigns } from "@/db/schema";
import { campaignDateErrors, type UpdateCampaignInput } from "./campaign.schema";
import { AppError } from "@/server/errors";
import { changedFields, recordAudit } from "@/server/services/audit/record-audit";
import { assertOwnerIsMember } from "./assert-owner-is-member";
import { auditView } from "./create-campaign";
import { findCampaign } from "./find-campaign";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { restartPlanApprovalOnEdit } from "@/server/services/approvals/campaign-plan-approval";

/**
 * Edits a campaign's fields (not its status: see changeCampaignStatus). Archived campaigns are read-only until restored.
 * A plan waiting for approval goes back to its first stage at a new version.
 */
export async function updateCampaign(db: Database, input: UpdateCampaignInput & { workspaceId: string; actorId: string }) {
  const { actorId, campaignId, workspaceId, ...fields } = input;
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    const current = await findCampaign(tx, { workspaceId, campaignId }, { forUpdate: true });
    if (current.status === "archived") throw new AppError("CONFLICT", "This campaign is archived. Restore it to make changes.");

    const dates = {
      startDate: fields.startDate ?? current.startDate,
      launchDate: fields.launchDate ?? current.launchDate,
      endDate: fields.endDate ?? current.endDate,
    };
    const dateErrors = campaignDateErrors(dates);
    const firstError = Object.values(dateErrors)[0]?.[0];
    if (firstError) throw new AppError("BAD_REQUEST", firstError, { fieldErrors: dateErrors });
    // After the campaign's lock, against the order, as only member changes lock memberships
    // harder than this share lock, and they never lock a campaign: no cycle to deadlock in.
    if (fields.ownerId && fields.ownerId !== current.ownerId) await assertOwnerIsMember(tx, { workspaceId, ownerId: fields.ownerId });

    const diff = changedFields(auditView(current), fields);
    if (!diff.changed) return current;
    const [campaign] = await tx
      .update(campaigns)
      .set({ ...fields, updatedAt: new Date() })
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)))
      .returning();
    await recordAudit(tx, { workspaceId, actorId, entityType: "campaign", entityId: campaignId, campaignId, action: "updated", before: diff.before, after: diff.after });
    await restartPlanApprovalOnEdit(tx, { actorId, campaign: campaign! });
    return campaign!;
  });
}
