// What a new version of a content item does to its approval, inside the edit's
// transaction (the item is locked): an approval given for an earlier version no
// longer holds, and a request still waiting goes back to its first stage at the
// new version, saying so in its history. Decisions made so far keep the version
// they were made on.
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { type ContentItem, approvalRequests, contentItems, workspaces } from "@/db/schema";
import { checkContent } from "./check-content";
import { contentFingerprint } from "./fingerprint";
import { restartAtNewVersion } from "./stage-lifecycle";

export async function restartApprovalOnNewVersion(tx: Database, input: { actorId: string; item: ContentItem; now?: Date }): Promise<void> {
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
  const [workspace] = await tx.select({ brandRules: workspaces.brandRules }).from(workspaces).where(eq(workspaces.id, item.workspaceId));
  await restartAtNewVersion(tx, open, { version: item.version, fingerprint: contentFingerprint(item), checks: checkContent(item, workspace!.brandRules).findings }, { actorId: input.actorId, now });
}
