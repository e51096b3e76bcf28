// What a new version of a content item does to its approval, inside the edit's
// transaction (the item is locked): an approval given for an earlier version no
// longer holds, and a request still waiting goes back to its first stage at the
// new version, saying so in its history. Decisions made so far keep the version
// they were made on.
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { type ContentItem, type Workspace, approvalRequests, contentItems, workspaces } from "@/db/schema";
import { recordAudit } from "@/server/services/audit/record-audit";
import { checkContent } from "./check-content";
import { contentFingerprint } from "./fingerprint";
import { startStage } from "./stage-lifecycle";

export async function restartApprovalOnNewVersion(tx: Database, input: { actorId: string; item: ContentItem; previousVersion: number; now?: Date }): Promise<void> {
  const { item } = input;
  const now = input.now ?? new Date();
  if (item.approvalStatus === "approved") {
    await tx.update(contentItems).set({ approvalStatus: "draft" }).where(eq(contentItems.id, item.id));
    return;
  }
  const [open] = await tx
    .select()
    .from(approvalRequests)
    .where(and(eq(approvalRequests.contentItemId, item.id), inArray(approvalRequests.status, ["pending"])))
    .for("update");
  if (!open) return;
  const [workspace] = (await tx.select({ brandRules: workspaces.brandRules }).from(workspaces).where(eq(workspaces.id, item.workspaceId))) as Pick<Workspace, "brandRules">[];
  const [rebound] = await tx
    .update(approvalRequests)
    .set({ version: item.version, fingerprint: contentFingerprint(item), checks: checkContent(item, workspace!.brandRules).findings, updatedAt: now })
    .where(eq(approvalRequests.id, open.id))
    .returning();
  await recordAudit(tx, {
    workspaceId: item.workspaceId,
    actorId: input.actorId,
    entityType: "approval_request",
    entityId: open.id,
    campaignId: open.campaignId,
    action: "new_version",
    before: { version: input.previousVersion, stage: open.stageIndex + 1 },
    after: { version: item.version, stage: 1 },
  });
  await startStage(tx, rebound!, 0, { actorId: input.actorId, now, reason: "new_version" });
}
