// What the home page says of approvals: how many requests wait on the member
// (and how many of those are overdue), and where the member's own requests
// stand: in review, or back with them for changes. One statement; the waiting
// counts read the partial index of waiting approver rows.
import { and, count, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { approvalApprovers, approvalRequests } from "@/db/schema";

export interface MyApprovalsSummary {
  waiting: number;
  overdue: number;
  inReview: number;
  changesRequested: number;
}

export async function summarizeMyApprovals(db: Database, input: { workspaceId: string; actorId: string; now?: Date }): Promise<MyApprovalsSummary> {
  const now = input.now ?? new Date();
  const a = approvalApprovers;
  const r = approvalRequests;
  const waiting = db
    .select({ waiting: count().as("waiting"), overdue: count(sql`case when ${lt(a.dueAt, now)} then 1 end`).as("overdue") })
    .from(a)
    .where(and(eq(a.workspaceId, input.workspaceId), eq(a.userId, input.actorId), eq(a.waiting, true)))
    .as("waiting_on_me");
  const asked = db
    .select({
      inReview: count(sql`case when ${r.status} = 'pending' then 1 end`).as("in_review"),
      changesRequested: count(sql`case when ${r.status} = 'changes_requested' then 1 end`).as("changes_requested"),
    })
    .from(r)
    .where(and(eq(r.workspaceId, input.workspaceId), eq(r.requestedById, input.actorId), inArray(r.status, ["pending", "changes_requested"])))
    .as("asked_by_me");
  const [row] = await db
    .select({ waiting: waiting.waiting, overdue: waiting.overdue, inReview: asked.inReview, changesRequested: asked.changesRequested })
    .from(waiting)
    .crossJoin(asked);
  return row!;
}
