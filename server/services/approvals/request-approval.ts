// Asking for approval of a content item: bound to its current version, checked,
// and started at the first stage of the policy that applies. Asking again after
// changes were requested resubmits the same request at the item's new version.
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { type ApprovalRequest, approvalRequests, contentItems, workspaces } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordRequestHistory } from "./request-history";
import { findContentItem, assertEditable } from "@/server/services/content/find-content-item";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { checkContent } from "./check-content";
import { contentFingerprint } from "./fingerprint";
import { policyFor } from "./policy-for";
import { startStage } from "./stage-lifecycle";

export async function requestContentApproval(db: Database, input: { workspaceId: string; actorId: string; contentItemId: string; now?: Date }) {
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    const now = input.now ?? new Date();
    const { item, campaign } = await findContentItem(tx, input, { forUpdate: true });
    assertEditable(campaign);
    const [open] = await tx
      .select()
      .from(approvalRequests)
      .where(and(eq(approvalRequests.contentItemId, item.id), inArray(approvalRequests.status, ["pending", "changes_requested"])))
      .for("update");
    if (open?.status === "pending") {
      throw new AppError("CONFLICT", `Approval of “${item.title}” is already requested: it waits on stage ${open.stageIndex + 1}, “${open.stages[open.stageIndex]?.name}”.`);
    }
    if (item.approvalStatus === "approved" && item.approvedVersion === item.version) {
      throw new AppError("CONFLICT", `Version ${item.version} of “${item.title}” is already approved.`);
    }

    const policy = await policyFor(tx, { workspaceId: input.workspaceId, channel: item.channel, campaignType: campaign.type });
    const [workspace] = await tx.select({ brandRules: workspaces.brandRules }).from(workspaces).where(eq(workspaces.id, input.workspaceId));
    const { findings, blocking } = checkContent(item, workspace!.brandRules);
    if (policy.requireChecks && blocking.length > 0) {
      throw new AppError("BAD_REQUEST", `Fix what the checks found before asking for approval: ${blocking.map((finding) => finding.message).join(" ")}`);
    }

    const bound = { version: item.version, fingerprint: contentFingerprint(item), checks: findings, updatedAt: now };
    let request: ApprovalRequest;
    if (open) {
      // Resubmitting after changes were requested: the same request, at the new version, from its first stage.
      [request] = (await tx.update(approvalRequests).set(bound).where(eq(approvalRequests.id, open.id)).returning()) as [ApprovalRequest];
    } else {
      [request] = (await tx
        .insert(approvalRequests)
        .values({
          workspaceId: input.workspaceId,
          subject: "content_item",
          contentItemId: item.id,
          campaignId: campaign.id,
          channel: item.channel,
          policyId: policy.id,
          policyName: policy.name,
          stages: policy.stages,
          allowSelfApproval: policy.allowSelfApproval,
          ...bound,
          round: 0,
          requestedById: input.actorId,
          requestedAt: now,
        })
        .returning()) as [ApprovalRequest];
    }
    await recordRequestHistory(tx, request, {
      actorId: input.actorId,
      at: now,
      action: open ? "resubmitted" : "requested",
      after: { version: item.version, policy: policy.name, findings: findings.length, blocking: blocking.length },
    });
    const started = await startStage(tx, request, 0, { actorId: input.actorId, now, reason: open ? "resubmitted" : "requested" });
    await tx.update(contentItems).set({ approvalStatus: "in_review" }).where(eq(contentItems.id, item.id));
    return started;
  });
}
