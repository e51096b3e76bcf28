import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { milestones } from "@/db/schema";
import type { RescheduleMilestoneInput } from "./milestone.schema";
import { recordAudit } from "@/server/services/audit/record-audit";
import { assertSchedulable, assertWithinCampaign, findMilestone } from "./find-milestone";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";

/**
 * Moves a milestone to another day within its campaign's dates. Returns the
 * milestone with the day it had before, so the calendar can offer to undo the move.
 */
export async function rescheduleMilestone(db: Database, input: RescheduleMilestoneInput & { workspaceId: string; actorId: string }) {
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    const { milestone, campaign } = await findMilestone(tx, input);
    assertSchedulable(campaign);
    assertWithinCampaign(campaign, input.dueDate);
    const previousDueDate = milestone.dueDate;
    if (previousDueDate === input.dueDate) return { ...milestone, previousDueDate };

    const [moved] = await tx
      .update(milestones)
      .set({ dueDate: input.dueDate, updatedAt: new Date() })
      .where(and(eq(milestones.id, milestone.id), eq(milestones.workspaceId, input.workspaceId)))
      .returning();
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actorId: input.actorId,
      entityType: "milestone",
      entityId: milestone.id,
      campaignId: campaign.id,
      action: "moved",
      before: { name: milestone.name, dueDate: previousDueDate },
      after: { name: milestone.name, dueDate: input.dueDate },
    });
    return { ...moved!, previousDueDate };
  });
}
