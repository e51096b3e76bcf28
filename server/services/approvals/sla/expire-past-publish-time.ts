// Content whose publish time passes while its approval is still pending can no
// longer be approved in time: the request expires and the requester is told.
// Each request is expired in its own transaction on the locked, re-read row, so
// a decision at the same moment wins or loses cleanly and a second sweep finds
// nothing left to do.
import { and, asc, eq, lte } from "drizzle-orm";
import type { Database } from "@/db";
import { approvalRequests, contentItems } from "@/db/schema";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { lockRequest } from "../lock-request";
import { closeRequest } from "../stage-lifecycle";

export const PUBLISH_TIME_PASSED = "its publish time passed";

/** How many requests one sweep expires at most; the next sweep takes the rest. */
const BATCH = 200;

export async function expirePastPublishTime(db: Database, input: { now?: Date } = {}): Promise<{ expired: number }> {
  const now = input.now ?? new Date();
  const due = await db
    .select({ id: approvalRequests.id, workspaceId: approvalRequests.workspaceId })
    .from(approvalRequests)
    .innerJoin(contentItems, eq(contentItems.id, approvalRequests.contentItemId))
    .where(and(eq(approvalRequests.status, "pending"), lte(contentItems.scheduledAt, now)))
    .orderBy(asc(contentItems.scheduledAt), asc(approvalRequests.id))
    .limit(BATCH);
  let expired = 0;
  for (const candidate of due) {
    const done = await transactionWithRetry(db, async (tx) => {
      const request = await lockRequest(tx, { workspaceId: candidate.workspaceId, requestId: candidate.id });
      if (request.status !== "pending" || !request.contentItemId) return false;
      const [item] = await tx.select({ scheduledAt: contentItems.scheduledAt }).from(contentItems).where(eq(contentItems.id, request.contentItemId));
      if (!item?.scheduledAt || item.scheduledAt > now) return false;
      await closeRequest(tx, request, "expired", { actorId: null, now, reason: PUBLISH_TIME_PASSED });
      return true;
    });
    if (done) expired++;
  }
  return { expired };
}
