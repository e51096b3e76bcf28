// Approving or rejecting many requests with one comment. Each is decided on its
// own, in its own transaction, against the version the approver saw: one that
// changed since, or that no longer waits on them, is listed with the reason and
// left as it is, and the others still go through.
import type { Database } from "@/db";
import { AppError } from "@/server/errors";
import type { BulkDecideApprovalInput } from "./approvals.schema";
import { decideApproval } from "./decide-approval";

export async function bulkDecideApprovals(db: Database, input: BulkDecideApprovalInput & { workspaceId: string; actorId: string; now?: Date }) {
  const decided: string[] = [];
  const skipped: { requestId: string; reason: string }[] = [];
  for (const item of input.items) {
    try {
      await decideApproval(db, {
        workspaceId: input.workspaceId,
        by: { userId: input.actorId },
        requestId: item.requestId,
        version: item.version,
        decision: input.decision,
        comment: input.comment,
        now: input.now,
      });
      decided.push(item.requestId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // A missing comment is the same for every item: say it once, for the form.
      if (error.fieldErrors?.comment) throw error;
      skipped.push({ requestId: item.requestId, reason: error.message });
    }
  }
  return { decided, skipped };
}
