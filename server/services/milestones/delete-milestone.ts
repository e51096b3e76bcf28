import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { milestones } from "@/db/schema";
import { recordAudit } from "@/server/services/audit/record-audit";
import { assertSchedulable, findMilestone, milestoneAuditView } from "./find-milestone";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";

/** Removes a milestone from its campaign's timeline; the campaign's history keeps it. */
export async function deleteMilestone(db: Database, input: { workspaceId: string; actorId: string; milestoneId: string }) {
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    const { milestone, campaign } = await findMilestone(tx, input);
    assertSchedulable(campaign);
    await tx.delete(milestones).where(and(eq(milestones.id, milestone.id), eq(milestones.workspaceId, input.workspaceId)));
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actorId: input.actorId,
      entityType: "milestone",
      entityId: milestone.id,
      campaignId: campaign.id,
      action: "deleted",
      before: milestoneAuditView(milestone),
    });
    return { milestoneId: milestone.id, name: milestone.name };
  });
}
