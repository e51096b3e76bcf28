import type { Database } from "@/db";
import { campaigns } from "@/db/schema";
import type { CreateCampaignInput } from "./campaign.schema";
import { recordAudit } from "@/server/services/audit/record-audit";
import { generateMilestones, timelineAuditView } from "@/server/services/milestones/generate-milestones";
import { planningSettings } from "@/server/services/settings/planning-settings";
import { assertOwnerIsMember } from "./assert-owner-is-member";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";

/**
 * Creates a campaign as a draft, with its type's timeline unless `withTimeline`
 * is false. `warnings` names milestones that fall outside the campaign's dates.
 */
export async function createCampaign(
  db: Database,
  input: Omit<CreateCampaignInput, "withTimeline"> & { withTimeline?: boolean; workspaceId: string; actorId: string },
) {
  const { actorId, withTimeline = true, bufferDays, ...fields } = input;
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    await assertOwnerIsMember(tx, input);
    const buffer = bufferDays ?? (await planningSettings(tx, input)).milestoneBufferDays;
    const [campaign] = await tx
      .insert(campaigns)
      .values({ ...fields, bufferDays: buffer, kpiTarget: fields.kpiTarget ?? null, budgetAmount: fields.budgetAmount ?? null, createdById: actorId })
      .returning();
    const timeline = withTimeline ? await generateMilestones(tx, { campaign: campaign!, bufferDays: buffer }) : { milestones: [], warnings: [] };
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actorId,
      entityType: "campaign",
      entityId: campaign!.id,
      campaignId: campaign!.id,
      action: "created",
      // The generated timeline is part of the creation, so the history shows one entry for both.
      after: { ...auditView(campaign!), ...(withTimeline ? { milestones: timelineAuditView(timeline.milestones) } : {}) },
    });
    return { ...campaign!, milestones: timeline.milestones, warnings: timeline.warnings };
  });
}

/** The fields of a campaign worth showing in its history. */
export function auditView(campaign: typeof campaigns.$inferSelect): Record<string, unknown> {
  const { id: _id, workspaceId: _workspaceId, createdAt: _createdAt, updatedAt: _updatedAt, createdById: _createdById, ...rest } = campaign;
  return rest;
}
