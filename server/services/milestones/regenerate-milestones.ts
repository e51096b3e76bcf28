import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { campaigns, milestones } from "@/db/schema";
import type { RegenerateMilestonesInput } from "./milestone.schema";
import { recordAudit } from "@/server/services/audit/record-audit";
import { findCampaign } from "@/server/services/campaigns/find-campaign";
import { assertSchedulable } from "./find-milestone";
import { generateMilestones, timelineAuditView } from "./generate-milestones";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { replanTasks } from "@/server/services/tasks/generate-plan-tasks";

/**
 * Replaces a campaign's milestones (done ones and the team's own included) with
 * its type's template, dated from the current launch date and holidays. The
 * buffer sent becomes the campaign's; without one the campaign keeps its own.
 * The campaign's open template tasks follow their milestones (replanTasks).
 */
export async function regenerateMilestones(db: Database, input: RegenerateMilestonesInput & { workspaceId: string; actorId: string }) {
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    let campaign = await findCampaign(tx, input, { forUpdate: true });
    assertSchedulable(campaign);
    const previousBuffer = campaign.bufferDays;
    const removed = await tx
      .delete(milestones)
      .where(and(eq(milestones.campaignId, campaign.id), eq(milestones.workspaceId, input.workspaceId)))
      .returning();
    removed.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.position - b.position);
    if (input.bufferDays !== undefined && input.bufferDays !== previousBuffer) {
      const [updated] = await tx
        .update(campaigns)
        .set({ bufferDays: input.bufferDays, updatedAt: new Date() })
        .where(and(eq(campaigns.id, campaign.id), eq(campaigns.workspaceId, input.workspaceId)))
        .returning();
      campaign = updated!;
    }
    const result = await generateMilestones(tx, { campaign, bufferDays: campaign.bufferDays });
    const replanned = await replanTasks(tx, { campaign, milestones: result.milestones, actorId: input.actorId });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actorId: input.actorId,
      entityType: "campaign",
      entityId: campaign.id,
      campaignId: campaign.id,
      action: "timeline_regenerated",
      before: { bufferDays: previousBuffer, milestones: timelineAuditView(removed) },
      after: { bufferDays: campaign.bufferDays, milestones: timelineAuditView(result.milestones), tasksRedated: replanned.redated, tasksCreated: replanned.created },
    });
    return result;
  });
}
