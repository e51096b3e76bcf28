// The approvals queue: what waits on the viewer, everything pending (managers),
// what they asked for, and what was decided. One indexed read per view: "Waiting
// on me" starts from the viewer's waiting approver rows (a partial index), "All
// pending" from the pending requests by due time (another).
import { type AnyColumn, type SQL, and, count, eq, exists, isNotNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { approvalApprovers, approvalRequests, campaigns, contentItems, users } from "@/db/schema";
import type { MemberRole } from "@/db/schema/workspaces";
import { hasRole } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import type { ApprovalQueueInput } from "./approvals.schema";

/**
 * A page of one view. `role` is the viewer's role as their request found it: a read
 * decides nothing, so it is not read again under a lock (a queue that showed one
 * request too many while an admin demoted the viewer changes nothing), and the
 * page stays one statement.
 */
export async function listApprovalQueue(db: Database, input: ApprovalQueueInput & { workspaceId: string; actorId: string; role: MemberRole; now?: Date }) {
  const manager = hasRole(input.role, "manager");
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
  // The page is chosen from the requests alone, then only its rows are joined to their titles and names.
  // A row carries what the list shows and nothing more (the ids it was joined by stay in the query):
  // every column is parsed, mapped and serialized fifty times a page.
  const orderOf = (cols: { decidedAt: AnyColumn | SQL.Aliased; requestedAt: AnyColumn | SQL.Aliased; stageDueAt: AnyColumn | SQL.Aliased; id: AnyColumn | SQL.Aliased }) =>
    input.view === "decided"
      ? [sql`${cols.decidedAt} desc`, sql`${cols.id} desc`]
      : input.sort === "age"
        ? [sql`${cols.requestedAt} asc`, sql`${cols.id} asc`]
        : [sql`${cols.stageDueAt} asc nulls last`, sql`${cols.requestedAt} asc`, sql`${cols.id} asc`];
  const pageColumns = {
    id: r.id,
    subject: r.subject,
    status: r.status,
    campaignId: r.campaignId,
    contentItemId: r.contentItemId,
    channel: r.channel,
    version: r.version,
    stageIndex: r.stageIndex,
    stageCount: sql<number>`jsonb_array_length(${r.stages})`.as("stage_count"),
    stageName: sql<string>`${r.stages} -> ${r.stageIndex} ->> 'name'`.as("stage_name"),
    requestedById: r.requestedById,
    requestedAt: r.requestedAt,
    stageDueAt: r.stageDueAt,
    decidedAt: r.decidedAt,
  };
  if (input.view === "waiting") {
    filters.push(eq(approvalApprovers.workspaceId, input.workspaceId), eq(approvalApprovers.userId, input.actorId), eq(approvalApprovers.waiting, true));
  }
  const chosen =
    input.view === "waiting"
      ? db.select(pageColumns).from(approvalApprovers).innerJoin(r, eq(r.id, approvalApprovers.requestId)).$dynamic()
      : db.select(pageColumns).from(r).$dynamic();
  // "Waiting on me" orders by the copies on the member's own approver rows, so its index gives the page in order.
  const pageOrder =
    input.view === "waiting"
      ? orderOf({ decidedAt: r.decidedAt, requestedAt: approvalApprovers.requestedAt, stageDueAt: approvalApprovers.dueAt, id: approvalApprovers.requestId })
      : orderOf(r);
  const page = db.$with("page").as(
    chosen
      .where(and(...filters))
      .orderBy(...pageOrder)
      .limit(input.limit + 1),
  );
  const rows = await db
    .with(page)
    .select({
      id: page.id,
      subject: page.subject,
      status: page.status,
      title: sql<string>`coalesce(${contentItems.title}, ${campaigns.name})`,
      campaignName: campaigns.name,
      channel: page.channel,
      version: page.version,
      stageIndex: page.stageIndex,
      stageCount: sql<number>`${page.stageCount}`.mapWith(Number),
      stageName: sql<string>`${page.stageName}`,
      requesterName: users.name,
      requestedAt: page.requestedAt,
      stageDueAt: page.stageDueAt,
      decidedAt: page.decidedAt,
    })
    .from(page)
    .innerJoin(campaigns, eq(campaigns.id, page.campaignId))
    .leftJoin(contentItems, eq(contentItems.id, page.contentItemId))
    .leftJoin(users, eq(users.id, page.requestedById))
    .orderBy(...orderOf(page));
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
