import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { type ApprovalRequest, approvalRequests, campaigns, contentItems } from "@/db/schema";
import { AppError } from "@/server/errors";

const notFound = () => new AppError("NOT_FOUND", "That approval request does not exist in this workspace.");

/**
 * The request, locked for the rest of the transaction, after its campaign and
 * item: the order every service locks in (campaign, its children, then what
 * hangs off them), so a decision never deadlocks against an edit of the item.
 * NOT_FOUND for another workspace's request.
 */
export async function lockRequest(tx: Database, input: { workspaceId: string; requestId: string }): Promise<ApprovalRequest> {
  const [target] = await tx
    .select({ campaignId: approvalRequests.campaignId, contentItemId: approvalRequests.contentItemId })
    .from(approvalRequests)
    .where(and(eq(approvalRequests.id, input.requestId), eq(approvalRequests.workspaceId, input.workspaceId)));
  if (!target) throw notFound();
  await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, target.campaignId)).for("update");
  if (target.contentItemId) await tx.select({ id: contentItems.id }).from(contentItems).where(eq(contentItems.id, target.contentItemId)).for("update");
  const [request] = await tx
    .select()
    .from(approvalRequests)
    .where(and(eq(approvalRequests.id, input.requestId), eq(approvalRequests.workspaceId, input.workspaceId)))
    .for("update");
  if (!request) throw notFound();
  return request;
}
