import type { Database } from "@/db";
import { campaigns } from "@/db/schema";
import type { CreateCampaignInput } from "./campaign.schema";
import { recordAudit } from "@/server/services/audit/record-audit";
import { generateMilestones, timelineAuditView } from "@/server/services/milestones/generate-milestones";
import { planningSettings } from "@/server/services/settings/planning-settings";
import { generatePlanTasks, planAuditView } from "@/server/services/tasks/generate-plan-tasks";
import { assertOwnerIsMember } from "./assert-owner-is-member";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";

/**
 * Creates a campaign as a draft, with its type's timeline and work plan (the
 * template's tasks) unless `withTimeline` is false. `warnings` names milestones
 * that fall outside the campaign's dates.
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
    const plan = withTimeline ? await generatePlanTasks(tx, { campaign: campaign!, milestones: timeline.milestones, actorId }) : [];
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actorId,
      entityType: "campaign",
      entityId: campaign!.id,
      campaignId: campaign!.id,
      action: "created",
      // The generated timeline and tasks are part of the creation, so the history shows one entry for all.
      after: { ...auditView(campaign!), ...(withTimeline ? { milestones: timelineAuditView(timeline.milestones), tasks: planAuditView(plan) } : {}) },
    });
    return { ...campaign!, milestones: timeline.milestones, warnings: timeline.warnings, taskCount: plan.length };
  });
}

/** The fields of a campaign worth showing in its history. */
export function auditView(campaign: typeof campaigns.$inferSelect): Record<string, unknown> {
  const { id: _id, workspaceId: _workspaceId, createdAt: _createdAt, updatedAt: _updatedAt, createdById: _createdById, ...rest } = campaign;
  return rest;
}
