import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { milestones } from "@/db/schema";
import type { UpdateMilestoneInput } from "./milestone.schema";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import { findMilestone, milestoneAuditView } from "./find-milestone";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";

/**
 * Renames a milestone or marks it done (or not done). Allowed on completed and
 * cancelled campaigns, where wrap-up work is still ticked off; not on archived ones.
 */
export async function updateMilestone(db: Database, input: UpdateMilestoneInput & { workspaceId: string; actorId: string }) {
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    const { milestone, campaign } = await findMilestone(tx, input);
    if (campaign.status === "archived") throw new AppError("CONFLICT", "This campaign is archived. Restore it to change its timeline.");

    const set: Partial<typeof milestones.$inferInsert> = {};
    const renamed = input.name !== undefined && input.name !== milestone.name;
    if (renamed) set.name = input.name;
    if (input.completed !== undefined && input.completed !== (milestone.completedAt !== null)) set.completedAt = input.completed ? new Date() : null;
    if (Object.keys(set).length === 0) return milestone;

    const [updated] = await tx
      .update(milestones)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(milestones.id, milestone.id), eq(milestones.workspaceId, input.workspaceId)))
      .returning();
    const was = milestoneAuditView(milestone);
    const now = milestoneAuditView(updated!);
    const fields = ["name", ...("completedAt" in set ? ["completedAt"] : [])] as const;
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actorId: input.actorId,
      entityType: "milestone",
      entityId: milestone.id,
      campaignId: campaign.id,
      action: renamed ? "updated" : set.completedAt ? "completed" : "reopened",
      before: Object.fromEntries(fields.map((field) => [field, was[field]])),
      after: Object.fromEntries(fields.map((field) => [field, now[field]])),
    });
    return updated!;
  });
}
