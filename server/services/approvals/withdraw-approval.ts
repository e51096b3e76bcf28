import type { Database } from "@/db";
import { hasRole } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { lockRequest } from "./lock-request";
import { closeRequest, memberName } from "./stage-lifecycle";

/** The requester (or a manager) takes a request back; nobody waits on it any more. */
export async function withdrawApproval(db: Database, input: { workspaceId: string; actorId: string; requestId: string; now?: Date }) {
  return transactionWithRetry(db, async (tx) => {
    const role = await assertActorRole(tx, input, "marketer");
    const request = await lockRequest(tx, input);
    if (request.requestedById !== input.actorId && !hasRole(role, "manager")) {
      throw new AppError("FORBIDDEN", "Only the person who asked, or a manager, can withdraw a request.");
    }
    if (request.status !== "pending" && request.status !== "changes_requested") throw new AppError("CONFLICT", "Only an open request can be withdrawn.");
    return closeRequest(tx, request, "withdrawn", { actorId: input.actorId, now: input.now ?? new Date(), by: await memberName(tx, input.actorId) });
  });
}
