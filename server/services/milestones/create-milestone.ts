import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { milestones } from "@/db/schema";
import type { CreateMilestoneInput } from "./milestone.schema";
import { recordAudit } from "@/server/services/audit/record-audit";
import { findCampaign } from "@/server/services/campaigns/find-campaign";
import { assertSchedulable, assertWithinCampaign, milestoneAuditView } from "./find-milestone";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";

/** Adds a milestone of the team's own to a campaign's timeline, on a day within the campaign. */
export async function createMilestone(db: Database, input: CreateMilestoneInput & { workspaceId: string; actorId: string }) {
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    const campaign = await findCampaign(tx, input, { forUpdate: true });
    assertSchedulable(campaign);
    assertWithinCampaign(campaign, input.dueDate);
    const [milestone] = await tx
      .insert(milestones)
      .values({
        workspaceId: input.workspaceId,
        campaignId: campaign.id,
        name: input.name,
        dueDate: input.dueDate,
        position: sql`(select coalesce(max(${milestones.position}) + 1, 0) from ${milestones} where ${milestones.campaignId} = ${campaign.id})`,
      })
      .returning();
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actorId: input.actorId,
      entityType: "milestone",
      entityId: milestone!.id,
      campaignId: campaign.id,
      action: "created",
      after: milestoneAuditView(milestone!),
    });
    return milestone!;
  });
}
