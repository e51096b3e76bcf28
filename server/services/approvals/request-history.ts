import type { Database } from "@/db";
import type { ApprovalRequest } from "@/db/schema";
import { recordAudit } from "@/server/services/audit/record-audit";

/**
 * One entry of a request's history (its audit entries, read back as sentences by
 * history-words.ts). `actorId` is null for what Crescendo or an external reviewer did.
 * `at` is the service's own clock, the one the request's times are written with.
 */
export async function recordRequestHistory(
  tx: Database,
  request: Pick<ApprovalRequest, "id" | "workspaceId" | "campaignId">,
  entry: { actorId: string | null; at: Date; action: string; after: Record<string, unknown>; before?: Record<string, unknown> },
): Promise<void> {
  await recordAudit(tx, {
    workspaceId: request.workspaceId,
    actorId: entry.actorId,
    entityType: "approval_request",
    entityId: request.id,
    campaignId: request.campaignId,
    action: entry.action,
    before: entry.before,
    after: entry.after,
    at: entry.at,
  });
}
