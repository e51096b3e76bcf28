import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { type CampaignStatus, campaigns } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { assertPlanMayBeApprovedDirectly, onCampaignStatusChanged } from "@/server/services/approvals/campaign-plan-approval";
import { campaignStatusLabels } from "./campaign-labels";
import { assertTransition } from "./campaign-status";
import { findCampaign } from "./find-campaign";

/**
 * Moves a campaign along its status machine. Archiving remembers where the
 * campaign was, and restoring ("restore" below) puts it back there. Decided on
 * the actor's role as it is inside the transaction (approving takes a manager).
 * Where an approval policy covers the campaign's type, entering review asks for
 * the plan's approval and only that request's last stage approves it.
 */
export async function changeCampaignStatus(
  db: Database,
  input: { workspaceId: string; actorId: string; campaignId: string; status: CampaignStatus },
) {
  return transactionWithRetry(db, async (tx) => {
    const role = await assertActorRole(tx, input, "marketer");
    const current = await findCampaign(tx, input, { forUpdate: true });
    assertTransition(current.status, input.status, role);
    await assertPlanMayBeApprovedDirectly(tx, current, input.status);
    const saved = await saveStatus(tx, input, current.status, input.status, input.status === "archived" ? current.status : null);
    await onCampaignStatusChanged(tx, { ...input, campaign: saved, from: current.status, to: input.status });
    return saved;
  });
}

/** Takes an archived campaign back to the status it was archived from. */
export async function restoreCampaign(db: Database, input: { workspaceId: string; actorId: string; campaignId: string }) {
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    const current = await findCampaign(tx, input, { forUpdate: true });
    if (current.status !== "archived") {
      throw new AppError("CONFLICT", `Only archived campaigns can be restored; this one is ${campaignStatusLabels[current.status].toLowerCase()}.`);
    }
    return saveStatus(tx, input, "archived", current.statusBeforeArchive ?? "draft", null);
  });
}

async function saveStatus(
  tx: Database,
  input: { workspaceId: string; actorId: string; campaignId: string },
  from: CampaignStatus,
  to: CampaignStatus,
  statusBeforeArchive: CampaignStatus | null,
) {
  const [campaign] = await tx
    .update(campaigns)
    .set({ status: to, statusBeforeArchive, updatedAt: new Date() })
    .where(and(eq(campaigns.id, input.campaignId), eq(campaigns.workspaceId, input.workspaceId)))
    .returning();
  await recordAudit(tx, {
    workspaceId: input.workspaceId,
    actorId: input.actorId,
    entityType: "campaign",
    entityId: input.campaignId,
    campaignId: input.campaignId,
    action: "status_changed",
    before: { status: from },
    after: { status: to },
  });
  return campaign!;
}
