import type { Database } from "@/db";
import { campaigns } from "@/db/schema";
import type { CreateCampaignInput } from "@/server/api/routers/campaign.schema";
import { recordAudit } from "@/server/services/audit/record-audit";
import { assertOwnerIsMember } from "./assert-owner-is-member";

/** Creates a campaign as a draft. */
export async function createCampaign(db: Database, input: CreateCampaignInput & { workspaceId: string; actorId: string }) {
  const { actorId, ...fields } = input;
  return db.transaction(async (tx) => {
    await assertOwnerIsMember(tx, input);
    const [campaign] = await tx
      .insert(campaigns)
      .values({ ...fields, kpiTarget: fields.kpiTarget ?? null, budgetAmount: fields.budgetAmount ?? null, createdById: actorId })
      .returning();
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actorId,
      entityType: "campaign",
      entityId: campaign!.id,
      campaignId: campaign!.id,
      action: "created",
      after: auditView(campaign!),
    });
    return campaign!;
  });
}

/** The fields of a campaign worth showing in its history. */
export function auditView(campaign: typeof campaigns.$inferSelect): Record<string, unknown> {
  const { id: _id, workspaceId: _workspaceId, createdAt: _createdAt, updatedAt: _updatedAt, createdById: _createdById, ...rest } = campaign;
  return rest;
}
