// A request's stages: starting one (who it waits on, until when), ending a round,
// and closing the request with what follows for its subject. Every function runs
// inside the caller's transaction, after the caller locked the request.
import { randomBytes } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db";
import {
  type ApprovalRequest,
  type ApprovalRequestStatus,
  approvalApprovers,
  approvalRequests,
  campaigns,
  contentItems,
  memberships,
  users,
  workspaces,
} from "@/db/schema";
import type { ApprovalStagePolicy } from "@/db/schema/enum-values";
import { approvalStageEnded, approvalStageStarted } from "@/inngest/events";
import { enqueueEvents } from "@/inngest/outbox/enqueue-events";
import { publishChange } from "@/server/realtime/publish-change";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import { notifyMany } from "@/server/services/notifications/notify";
import { addStageTimeout } from "./business-time";
import { recordRequestHistory } from "./request-history";

export interface StageApprover {
  userId: string | null;
  email: string | null;
}

/** The link every approval notification and email of the app opens. */
export const approvalLink = (requestId: string) => `/approvals?request=${requestId}`;

/** The stage's policy, by position. */
export function stageAt(request: Pick<ApprovalRequest, "stages" | "stageIndex">, index = request.stageIndex): ApprovalStagePolicy {
  const stage = request.stages[index];
  if (!stage) throw new Error(`The request has no stage ${index + 1}`);
  return stage;
}

/**
 * Who a stage waits on now: its named members who are still members, every
 * member holding one of its roles, and its external reviewers. The requester is
 * left out unless the policy lets them approve their own request.
 */
export async function resolveStageApprovers(
  tx: Database,
  input: { workspaceId: string; approvers: { userIds: string[]; roles: ApprovalStagePolicy["approvers"]["roles"]; emails: string[] }; exclude: string | null },
): Promise<StageApprover[]> {
  const { userIds, roles, emails } = input.approvers;
  const members =
    userIds.length + roles.length === 0
      ? []
      : await tx
          .select({ userId: memberships.userId })
          .from(memberships)
          .where(
            and(
              eq(memberships.workspaceId, input.workspaceId),
              sql`(${userIds.length > 0 ? inArray(memberships.userId, userIds) : sql`false`} or ${roles.length > 0 ? inArray(memberships.role, roles) : sql`false`})`,
            ),
          )
          .orderBy(memberships.userId);
  const people: StageApprover[] = members.filter((m) => m.userId !== input.exclude).map((m) => ({ userId: m.userId, email: null }));
  const external = [...new Set(emails.map((email) => email.toLowerCase()))].map((email) => ({ userId: null, email }));
  return [...people, ...external];
}

async function workspaceCalendar(tx: Database, workspaceId: string) {
  const [row] = await tx.select({ timeZone: workspaces.timeZone, holidayCountry: workspaces.holidayCountry }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return row ?? { timeZone: "UTC", holidayCountry: null };
}

/**
 * Starts stage `stageIndex` as a new round: closes the round before it, records
 * who the stage waits on and when it times out, tells them, and wakes the
 * stage's SLA flow. Refuses a stage nobody but the requester could decide.
 */
export async function startStage(
  tx: Database,
  request: ApprovalRequest,
  stageIndex: number,
  context: { actorId: string | null; now: Date; reason: string },
): Promise<ApprovalRequest> {
  const stage = stageAt(request, stageIndex);
  const exclude = request.allowSelfApproval ? null : request.requestedById;
  const approvers = await resolveStageApprovers(tx, { workspaceId: request.workspaceId, approvers: stage.approvers, exclude });
  if (approvers.length === 0) {
    throw new AppError(
      "CONFLICT",
      `Stage ${stageIndex + 1} (“${stage.name}”) of the “${request.policyName}” policy has nobody who can decide${exclude ? " but you, and you can't approve your own request" : ""}. An admin can add approvers in Settings.`,
    );
  }
  await endRound(tx, request);
  const round = request.round + 1;
  const due = addStageTimeout(context.now, stage.timeout, await workspaceCalendar(tx, request.workspaceId));
  const [started] = await tx
    .update(approvalRequests)
    .set({ status: "pending", stageIndex, round, stageStartedAt: context.now, stageDueAt: due, decidedAt: null, updatedAt: context.now })
    .where(eq(approvalRequests.id, request.id))
    .returning();
  await tx.insert(approvalApprovers).values(
    approvers.map((approver) => ({
      workspaceId: request.workspaceId,
      requestId: request.id,
      stageIndex,
      round,
      userId: approver.userId,
      email: approver.email,
      tokenNonce: randomBytes(16).toString("base64url"),
      dueAt: due,
      requestedAt: request.requestedAt,
    })),
  );
  await recordRequestHistory(tx, request, {
    actorId: context.actorId,
    at: context.now,
    action: "stage_started",
    after: { stage: stageIndex + 1, stageName: stage.name, round, version: request.version, dueAt: due.toISOString(), reason: context.reason, approvers: approvers.length },
  });
  const title = await requestTitle(tx, started!);
  await notifyMany(
    tx,
    approvers
      .filter((approver) => approver.userId !== null)
      .map((approver) => ({
        workspaceId: request.workspaceId,
        userId: approver.userId!,
        kind: "approval_waiting" as const,
        actorId: context.actorId,
        campaignId: request.campaignId,
        title: `“${title}” waits on your approval (${stage.name})`,
        link: approvalLink(request.id),
        dedupeKey: `approval-waiting:${request.id}:${round}:${approver.userId}`,
      })),
  );
  await enqueueEvents(tx, [
    approvalStageStarted.create({ workspaceId: request.workspaceId, requestId: request.id, round }, { id: `approval-stage-started:${request.id}:${round}` }),
  ]);
  await publishChange(tx, { workspaceId: request.workspaceId, topic: "approvals", ids: [request.id], actorId: context.actorId });
  return started!;
}

/**
 * Binds a waiting request to a new version of what it asks about (an edited item,
 * an edited plan) and starts it over from its first stage, saying so in its history.
 */
export async function restartAtNewVersion(
  tx: Database,
  request: ApprovalRequest,
  next: { version: number; fingerprint: string; checks?: unknown[] },
  context: { actorId: string; now: Date },
): Promise<ApprovalRequest> {
  const [rebound] = await tx
    .update(approvalRequests)
    .set({ ...next, updatedAt: context.now })
    .where(eq(approvalRequests.id, request.id))
    .returning();
  await recordRequestHistory(tx, request, {
    actorId: context.actorId,
    at: context.now,
    action: "new_version",
    before: { version: request.version, stage: request.stageIndex + 1 },
    after: { version: next.version, stage: 1 },
  });
  return startStage(tx, rebound!, 0, { ...context, reason: "new_version" });
}

/** Nobody waits on the round any more; its SLA flow stops waiting. A request's first round (0) has nothing to end. */
export async function endRound(tx: Database, request: Pick<ApprovalRequest, "id" | "workspaceId" | "round">): Promise<void> {
  await tx
    .update(approvalApprovers)
    .set({ waiting: false })
    .where(and(eq(approvalApprovers.requestId, request.id), eq(approvalApprovers.round, request.round), eq(approvalApprovers.waiting, true)));
  if (request.round > 0) {
    await enqueueEvents(tx, [
      approvalStageEnded.create({ workspaceId: request.workspaceId, requestId: request.id, round: request.round }, { id: `approval-stage-ended:${request.id}:${request.round}` }),
    ]);
  }
}

/** The item's title, or the campaign's name for a plan. */
export async function requestTitle(tx: Database, request: Pick<ApprovalRequest, "subject" | "contentItemId" | "campaignId">): Promise<string> {
  if (request.subject === "content_item" && request.contentItemId) {
    const [item] = await tx.select({ title: contentItems.title }).from(contentItems).where(eq(contentItems.id, request.contentItemId));
    return item?.title ?? "A content item";
  }
  const [campaign] = await tx.select({ name: campaigns.name }).from(campaigns).where(eq(campaigns.id, request.campaignId));
  return `${campaign?.name ?? "A campaign"}: the plan`;
}

const outcomeWords: Record<Exclude<ApprovalRequestStatus, "pending">, string> = {
  approved: "was approved",
  rejected: "was rejected",
  changes_requested: "needs changes",
  expired: "expired without a decision",
  withdrawn: "was withdrawn",
};

/**
 * Ends the request as `status`: the round's approvers stop waiting, the subject
 * follows (an approved item is approved at this version; a plan moves its
 * campaign), the history says why, and the requester is told.
 */
export async function closeRequest(
  tx: Database,
  request: ApprovalRequest,
  status: Exclude<ApprovalRequestStatus, "pending">,
  context: { actorId: string | null; now: Date; by?: string; reason?: string },
): Promise<ApprovalRequest> {
  await endRound(tx, request);
  const [closed] = await tx
    .update(approvalRequests)
    .set({ status, decidedAt: status === "changes_requested" ? null : context.now, stageDueAt: null, updatedAt: context.now })
    .where(eq(approvalRequests.id, request.id))
    .returning();
  await applyToSubject(tx, closed!, status, context);
  await recordRequestHistory(tx, request, {
    actorId: context.actorId,
    at: context.now,
    action: status,
    after: { version: request.version, stage: request.stageIndex + 1, ...(context.by ? { by: context.by } : {}), ...(context.reason ? { reason: context.reason } : {}) },
  });
  if (request.requestedById) {
    const title = await requestTitle(tx, request);
    await notifyMany(tx, [
      {
        workspaceId: request.workspaceId,
        userId: request.requestedById,
        kind: "approval_outcome",
        actorId: context.actorId,
        campaignId: request.campaignId,
        title: `“${title}” ${outcomeWords[status]}${context.by ? ` (${context.by})` : ""}`,
        link: approvalLink(request.id),
        dedupeKey: `approval-outcome:${request.id}:${request.round}:${status}`,
      },
    ]);
  }
  await publishChange(tx, { workspaceId: request.workspaceId, topic: "approvals", ids: [request.id], actorId: context.actorId });
  return closed!;
}

/** What a closed request does to what it was about. */
async function applyToSubject(tx: Database, request: ApprovalRequest, status: Exclude<ApprovalRequestStatus, "pending">, context: { actorId: string | null; now: Date }) {
  if (request.subject === "content_item" && request.contentItemId) {
    const approved = status === "approved";
    await tx
      .update(contentItems)
      .set({
        approvalStatus: status === "withdrawn" ? "draft" : status,
        ...(approved ? { approvedVersion: request.version } : {}),
        updatedAt: context.now,
      })
      // The version guard: an approval never lands on a version nobody approved.
      .where(and(eq(contentItems.id, request.contentItemId), approved ? eq(contentItems.version, request.version) : sql`true`));
    return;
  }
  if (request.subject === "campaign") {
    const next = status === "approved" ? "approved" : status === "withdrawn" ? null : "planned";
    if (!next) return;
    const [before] = await tx.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, request.campaignId));
    if (before?.status !== "in_review") return;
    await tx.update(campaigns).set({ status: next, updatedAt: context.now }).where(eq(campaigns.id, request.campaignId));
    await recordAudit(tx, {
      workspaceId: request.workspaceId,
      actorId: context.actorId,
      entityType: "campaign",
      entityId: request.campaignId,
      campaignId: request.campaignId,
      action: "status_changed",
      before: { status: "in_review" },
      after: { status: next, approvalRequestId: request.id },
    });
  }
}

/** Members' names by id, for decisions and history. */
export async function memberName(tx: Database, userId: string): Promise<string> {
  const [user] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
  return user?.name || user?.email || "A former member";
}
