// The approvals queue: what waits on the viewer, everything pending (managers),
// what they asked for, and what was decided. One indexed read per view: "Waiting
// on me" starts from the viewer's waiting approver rows (a partial index), "All
// pending" from the pending requests by due time (another).
import { type SQL, and, asc, count, desc, eq, exists, isNotNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { approvalApprovers, approvalRequests, campaigns, contentItems, users } from "@/db/schema";
import { hasRole } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import type { ApprovalQueueInput } from "./approvals.schema";

export async function listApprovalQueue(db: Database, input: ApprovalQueueInput & { workspaceId: string; actorId: string; now?: Date }) {
  const role = await assertActorRole(db, input, "viewer");
  const manager = hasRole(role, "manager");
  if (input.view === "pending" && !manager) throw new AppError("FORBIDDEN", "Only managers and admins see every pending request.");
  const now = input.now ?? new Date();
  const r = approvalRequests;

  const filters: (SQL | undefined)[] = [
    eq(r.workspaceId, input.workspaceId),
    input.campaignId ? eq(r.campaignId, input.campaignId) : undefined,
    input.channel ? eq(r.channel, input.channel) : undefined,
    input.requesterId ? eq(r.requestedById, input.requesterId) : undefined,
    input.stage ? and(eq(r.stageIndex, input.stage - 1), eq(r.status, "pending")) : undefined,
    input.overdue ? and(eq(r.status, "pending"), lt(r.stageDueAt, now)) : undefined,
  ];
  switch (input.view) {
    case "waiting":
      break;
    case "pending":
      filters.push(eq(r.status, "pending"));
      break;
    case "mine":
      filters.push(eq(r.requestedById, input.actorId));
      break;
    case "decided":
      filters.push(isNotNull(r.decidedAt));
      if (!manager) {
        const approvedByMe = db
          .select({ one: sql`1` })
          .from(approvalApprovers)
          .where(and(eq(approvalApprovers.requestId, r.id), eq(approvalApprovers.userId, input.actorId)));
        filters.push(or(eq(r.requestedById, input.actorId), exists(approvedByMe)));
      }
      break;
  }
  const order =
    input.view === "decided"
      ? [desc(r.decidedAt), desc(r.id)]
      : input.sort === "age"
        ? [asc(r.requestedAt), asc(r.id)]
        : [sql`${r.stageDueAt} asc nulls last`, asc(r.requestedAt), asc(r.id)];

  const columns = {
    id: r.id,
    subject: r.subject,
    status: r.status,
    title: sql<string>`coalesce(${contentItems.title}, ${campaigns.name})`,
    campaignId: r.campaignId,
    campaignName: campaigns.name,
    contentItemId: r.contentItemId,
    channel: r.channel,
    version: r.version,
    stageIndex: r.stageIndex,
    stageCount: sql<number>`jsonb_array_length(${r.stages})`.mapWith(Number),
    stageName: sql<string>`${r.stages} -> ${r.stageIndex} ->> 'name'`,
    requestedById: r.requestedById,
    requesterName: users.name,
    requestedAt: r.requestedAt,
    stageDueAt: r.stageDueAt,
    decidedAt: r.decidedAt,
  };
  const fromRequests =
    input.view === "waiting"
      ? db
          .select(columns)
          .from(approvalApprovers)
          .innerJoin(r, eq(r.id, approvalApprovers.requestId))
          .$dynamic()
      : db.select(columns).from(r).$dynamic();
  if (input.view === "waiting") {
    filters.push(eq(approvalApprovers.workspaceId, input.workspaceId), eq(approvalApprovers.userId, input.actorId), eq(approvalApprovers.waiting, true));
  }
  const rows = await fromRequests
    .innerJoin(campaigns, eq(campaigns.id, r.campaignId))
    .leftJoin(contentItems, eq(contentItems.id, r.contentItemId))
    .leftJoin(users, eq(users.id, r.requestedById))
    .where(and(...filters))
    .orderBy(...order)
    .limit(input.limit + 1);
  return {
    rows: rows.slice(0, input.limit).map((row) => ({ ...row, overdue: row.status === "pending" && row.stageDueAt !== null && row.stageDueAt < now })),
    hasMore: rows.length > input.limit,
  };
}

/** How many requests wait on the member: the navigation's badge. */
export async function countWaitingOnMe(db: Database, input: { workspaceId: string; actorId: string }): Promise<number> {
  const [row] = await db
    .select({ waiting: count() })
    .from(approvalApprovers)
    .where(and(eq(approvalApprovers.workspaceId, input.workspaceId), eq(approvalApprovers.userId, input.actorId), eq(approvalApprovers.waiting, true)));
  return row?.waiting ?? 0;
}

export type ApprovalQueueRow = Awaited<ReturnType<typeof listApprovalQueue>>["rows"][number];
