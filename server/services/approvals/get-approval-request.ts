// One request as the queue's detail panel shows it: what is asked about at its
// version, the difference against what was last decided on, the check results,
// every stage with who it waits on, the feedback, and the history in sentences.
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { approvalApprovers, approvalDecisions, approvalRequests, auditLog, campaigns, contentItems, contentVersions, users } from "@/db/schema";
import { AppError } from "@/server/errors";
import type { ContentFinding } from "@/server/services/content-checks";
import { diffContentVersions } from "@/server/services/content/diff-content-versions";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { describeApprovalEntry } from "./history-words";
import { approvalsNeeded, describeRule } from "./stage-rule";

export async function getApprovalRequest(db: Database, input: { workspaceId: string; actorId: string; requestId: string }) {
  await assertActorRole(db, input, "viewer");
  const [row] = await db
    .select({ request: approvalRequests, campaignName: campaigns.name, requesterName: users.name })
    .from(approvalRequests)
    .innerJoin(campaigns, eq(campaigns.id, approvalRequests.campaignId))
    .leftJoin(users, eq(users.id, approvalRequests.requestedById))
    .where(and(eq(approvalRequests.id, input.requestId), eq(approvalRequests.workspaceId, input.workspaceId)));
  if (!row) throw new AppError("NOT_FOUND", "That approval request does not exist in this workspace.");
  const { request } = row;

  const [approvers, decisions, history] = await Promise.all([
    db
      .select({ id: approvalApprovers.id, stageIndex: approvalApprovers.stageIndex, round: approvalApprovers.round, userId: approvalApprovers.userId, email: approvalApprovers.email, name: users.name, waiting: approvalApprovers.waiting, escalated: approvalApprovers.escalated })
      .from(approvalApprovers)
      .leftJoin(users, eq(users.id, approvalApprovers.userId))
      .where(and(eq(approvalApprovers.requestId, request.id), eq(approvalApprovers.round, request.round)))
      .orderBy(asc(approvalApprovers.createdAt), asc(approvalApprovers.id)),
    db.select().from(approvalDecisions).where(eq(approvalDecisions.requestId, request.id)).orderBy(asc(approvalDecisions.createdAt), asc(approvalDecisions.id)),
    db
      .select({ id: auditLog.id, action: auditLog.action, at: auditLog.createdAt, before: auditLog.before, after: auditLog.after, actorName: users.name })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(and(eq(auditLog.workspaceId, input.workspaceId), eq(auditLog.entityType, "approval_request"), eq(auditLog.entityId, request.id)))
      .orderBy(asc(auditLog.id)),
  ]);

  const content = request.contentItemId ? await contentAt(db, input.workspaceId, request.contentItemId, request.version) : null;
  // What the reviewer compares against: the version decided on last before this one, else the last approved one.
  const earlier = decisions.filter((decision) => decision.version < request.version).map((decision) => decision.version);
  const baseline = earlier.length > 0 ? Math.max(...earlier) : content?.approvedVersion && content.approvedVersion < request.version ? content.approvedVersion : null;
  const diff =
    content && baseline ? await diffContentVersions(db, { workspaceId: input.workspaceId, contentItemId: content.id, from: baseline, to: request.version }) : null;

  const me = approvers.find((approver) => approver.userId === input.actorId);
  const ownApprovers = approvers.filter((approver) => !approver.escalated);
  const stage = request.stages[request.stageIndex]!;
  return {
    id: request.id,
    subject: request.subject,
    status: request.status,
    policyName: request.policyName,
    version: request.version,
    campaignId: request.campaignId,
    campaignName: row.campaignName,
    channel: request.channel,
    requestedById: request.requestedById,
    requesterName: row.requesterName,
    requestedAt: request.requestedAt,
    decidedAt: request.decidedAt,
    stageIndex: request.stageIndex,
    stageDueAt: request.stageDueAt,
    stages: request.stages.map((s, index) => ({
      name: s.name,
      rule: index === request.stageIndex ? describeRule(s.rule, s.quorum, ownApprovers.length) : s.rule,
      needed: index === request.stageIndex ? approvalsNeeded(s.rule, s.quorum, ownApprovers.length) : null,
      state: request.status === "approved" || index < request.stageIndex ? "done" : index === request.stageIndex ? "current" : "later",
    })),
    currentStageName: stage.name,
    approvers: approvers.map((approver) => ({
      id: approver.id,
      name: approver.name ?? approver.email ?? "",
      external: approver.userId === null,
      waiting: approver.waiting,
      escalated: approver.escalated,
      decision: decisions.find((decision) => decision.approverId === approver.id)?.decision ?? null,
    })),
    decisions: decisions.map((decision) => ({
      id: decision.id,
      stageIndex: decision.stageIndex,
      stageName: request.stages[decision.stageIndex]?.name ?? "",
      round: decision.round,
      version: decision.version,
      onOldVersion: decision.version < request.version,
      byName: decision.byName,
      decision: decision.decision,
      comment: decision.comment,
      anchor: decision.anchor,
      at: decision.createdAt,
    })),
    // Written by the request from `runContentChecks`; the column itself is untyped JSON.
    checks: request.checks as ContentFinding[],
    content,
    diff,
    history: history.map((entry) => ({ id: entry.id, at: entry.at, text: describeApprovalEntry(entry) })),
    viewer: {
      canDecide: request.status === "pending" && Boolean(me?.waiting),
      isRequester: request.requestedById === input.actorId,
    },
  };
}

/** The item as it was at `version` (its title, body and images then), with its current schedule and state. */
async function contentAt(db: Database, workspaceId: string, contentItemId: string, version: number) {
  const [row] = await db
    .select({
      id: contentItems.id,
      channel: contentItems.channel,
      scheduledAt: contentItems.scheduledAt,
      currentVersion: contentItems.version,
      approvalStatus: contentItems.approvalStatus,
      approvedVersion: contentItems.approvedVersion,
      title: contentVersions.title,
      body: contentVersions.body,
      media: contentVersions.media,
    })
    .from(contentItems)
    .innerJoin(contentVersions, and(eq(contentVersions.contentItemId, contentItems.id), eq(contentVersions.version, version)))
    .where(and(eq(contentItems.id, contentItemId), eq(contentItems.workspaceId, workspaceId)));
  return row ?? null;
}

export type ApprovalRequestDetail = Awaited<ReturnType<typeof getApprovalRequest>>;
