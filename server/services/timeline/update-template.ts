import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { type CampaignType, campaignTemplates } from "@/db/schema/campaigns";
import type { UpdateTemplateInput } from "./timeline.schema";
import { recordAudit } from "@/server/services/audit/record-audit";
import { defaultTemplates } from "./default-templates";
import { findTemplate } from "./find-template";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";

/** Saves the workspace's own timeline for a campaign type; campaigns created afterwards use it. */
export async function updateTemplate(db: Database, input: UpdateTemplateInput & { workspaceId: string; actorId: string }) {
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "manager");
    const before = await findTemplate(tx, input);
    if (JSON.stringify(before.milestones) === JSON.stringify(input.milestones) && before.custom) return { type: input.type, custom: true, milestones: before.milestones };
    await tx
      .insert(campaignTemplates)
      .values({ workspaceId: input.workspaceId, type: input.type, milestones: input.milestones, updatedById: input.actorId })
      .onConflictDoUpdate({
        target: [campaignTemplates.workspaceId, campaignTemplates.type],
        set: { milestones: input.milestones, updatedById: input.actorId, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actorId: input.actorId,
      entityType: "campaign_template",
      entityId: input.type,
      action: "updated",
      before: { milestones: before.milestones, custom: before.custom },
      after: { milestones: input.milestones, custom: true },
    });
    return { type: input.type, custom: true, milestones: input.milestones };
  });
}

/** Drops the workspace's own timeline for a campaign type, back to the built-in one. */
export async function resetTemplate(db: Database, input: { workspaceId: string; actorId: string; type: CampaignType }) {
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "manager");
    const [removed] = await tx
      .delete(campaignTemplates)
      .where(and(eq(campaignTemplates.workspaceId, input.workspaceId), eq(campaignTemplates.type, input.type)))
      .returning();
    const builtIn = defaultTemplates[input.type];
    if (removed) {
      await recordAudit(tx, {
        workspaceId: input.workspaceId,
        actorId: input.actorId,
        entityType: "campaign_template",
        entityId: input.type,
        action: "reset",
        before: { milestones: removed.milestones, custom: true },
        after: { milestones: builtIn, custom: false },
      });
    }
    return { type: input.type, custom: false, milestones: builtIn };
  });
}
