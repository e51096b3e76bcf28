// An approver's decision on the current stage of a request: approve, reject or
// request changes. Decided inside one transaction on the request's locked row,
// so two approvers at the same moment make exactly one stage transition.
import { and, count, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { type ApprovalApprover, type ApprovalRequest, approvalApprovers, approvalDecisions, contentVersions } from "@/db/schema";
import { AppError, fieldError } from "@/server/errors";
import { recordRequestHistory } from "./request-history";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import type { DecideApprovalInput } from "./approvals.schema";
import { lockRequest } from "./lock-request";
import { approvalsNeeded } from "./stage-rule";
import { closeRequest, memberName, stageAt, startStage } from "./stage-lifecycle";

/** Who decides: a signed-in member, or whoever holds an approver's emailed link (checked by the caller). */
export type Decider = { userId: string } | { approverId: string };

export interface DecisionOutcome {
  request: ApprovalRequest;
  /** What the decision did: counted toward its stage, moved to the next stage, or closed the request. */
  effect: "counted" | "next_stage" | "approved" | "rejected" | "changes_requested";
}

const statusWords: Record<ApprovalRequest["status"], string> = {
  pending: "pending",
  changes_requested: "sent back for changes",
  approved: "approved",
  rejected: "rejected",
  expired: "expired",
  withdrawn: "withdrawn",
};

export async function decideApproval(db: Database, input: DecideApprovalInput & { workspaceId: string; by: Decider; now?: Date }): Promise<DecisionOutcome> {
  return transactionWithRetry(db, async (tx) => {
    if ("userId" in input.by) await assertActorRole(tx, { workspaceId: input.workspaceId, actorId: input.by.userId }, "viewer");
    return decideLocked(tx, input, await lockRequest(tx, input));
  });
}

/** The decision on a request the caller has locked (bulk decisions lock each in turn). */
export async function decideLocked(
  tx: Database,
  input: DecideApprovalInput & { workspaceId: string; by: Decider; now?: Date },
  request: ApprovalRequest,
): Promise<DecisionOutcome> {
  const now = input.now ?? new Date();
  if (request.status !== "pending") throw new AppError("CONFLICT", `This request is no longer waiting for a decision: it was ${statusWords[request.status]}.`);
  if (input.version !== request.version) {
    throw new AppError(
      "CONFLICT",
      `The content changed while you were looking: the request is now on version ${request.version}, and you decided on version ${input.version}. Review version ${request.version} and decide again.`,
    );
  }
  const stage = stageAt(request);
  const approver = await findApprover(tx, request, input.by);
  if (!approver) {
    if ("userId" in input.by && input.by.userId === request.requestedById && !request.allowSelfApproval) {
      throw new AppError("FORBIDDEN", `You asked for this approval, and the “${request.policyName}” policy doesn't let people approve their own requests.`);
    }
    throw new AppError("FORBIDDEN", `Only the approvers of stage ${request.stageIndex + 1}, “${stage.name}”, can decide on this request now.`);
  }
  if (!approver.waiting) throw new AppError("CONFLICT", "You have already decided on this stage.");
  if (input.decision !== "approved" && !input.comment) {
    throw fieldError("comment", input.decision === "rejected" ? "Say why you reject it: the comment is required." : "Say what should change: the comment is required.");
  }
  const anchor = input.anchor ? await anchorQuote(tx, request, input.anchor) : null;
  const byName = approver.userId ? await memberName(tx, approver.userId) : approver.email!;

  await tx.insert(approvalDecisions).values({
    workspaceId: request.workspaceId,
    requestId: request.id,
    stageIndex: request.stageIndex,
    round: request.round,
    version: request.version,
    approverId: approver.id,
    userId: approver.userId,
    byName,
    decision: input.decision,
    comment: input.comment,
    anchor,
    createdAt: now,
  });
  await tx.update(approvalApprovers).set({ waiting: false }).where(eq(approvalApprovers.id, approver.id));
  const actorId = approver.userId;
  await recordRequestHistory(tx, request, {
    actorId,
    at: now,
    action: "decided",
    after: { decision: input.decision, stage: request.stageIndex + 1, version: request.version, by: byName, ...(input.comment ? { comment: input.comment } : {}) },
  });

  if (input.decision !== "approved") {
    return { request: await closeRequest(tx, request, input.decision, { actorId, now, by: byName }), effect: input.decision };
  }
  // Whoever a stage was escalated to decides it alone: that is what escalating asks of them.
  return advanceIfDecided(tx, request, { actorId, now, by: byName, decisive: approver.escalated });
}

/** Moves the request on when its stage has the approvals its rule asks for. */
export async function advanceIfDecided(
  tx: Database,
  request: ApprovalRequest,
  context: { actorId: string | null; now: Date; by?: string; decisive?: boolean },
): Promise<DecisionOutcome> {
  const stage = stageAt(request);
  if (!context.decisive) {
    // The stage's own approvers (not those it was escalated to) and how many of them approved.
    const [tally] = await tx
      .select({ approvers: count(approvalApprovers.id), approvals: count(approvalDecisions.id) })
      .from(approvalApprovers)
      .leftJoin(approvalDecisions, and(eq(approvalDecisions.approverId, approvalApprovers.id), eq(approvalDecisions.decision, "approved")))
      .where(and(eq(approvalApprovers.requestId, request.id), eq(approvalApprovers.round, request.round), eq(approvalApprovers.escalated, false)));
    if ((tally?.approvals ?? 0) < approvalsNeeded(stage.rule, stage.quorum, tally?.approvers ?? 0)) return { request, effect: "counted" };
  }
  if (request.stageIndex + 1 < request.stages.length) {
    return { request: await startStage(tx, request, request.stageIndex + 1, { ...context, reason: "previous_stage_approved" }), effect: "next_stage" };
  }
  return { request: await closeRequest(tx, request, "approved", context), effect: "approved" };
}

async function findApprover(tx: Database, request: ApprovalRequest, by: Decider): Promise<ApprovalApprover | undefined> {
  const [approver] = await tx
    .select()
    .from(approvalApprovers)
    .where(
      and(
        eq(approvalApprovers.requestId, request.id),
        eq(approvalApprovers.round, request.round),
        "userId" in by ? eq(approvalApprovers.userId, by.userId) : eq(approvalApprovers.id, by.approverId),
      ),
    );
  return approver;
}

/** The quoted passage of the version decided on; offsets outside its body are refused. */
async function anchorQuote(tx: Database, request: ApprovalRequest, anchor: { start: number; end: number }) {
  if (request.subject !== "content_item" || !request.contentItemId) throw fieldError("anchor", "Only a content item's text can be commented on passage by passage.");
  const [version] = await tx
    .select({ body: contentVersions.body })
    .from(contentVersions)
    .where(and(eq(contentVersions.contentItemId, request.contentItemId), eq(contentVersions.version, request.version)));
  const body = version?.body ?? "";
  if (anchor.end > body.length) throw fieldError("anchor", "That passage is not in this version of the text. Select it again.");
  return { ...anchor, quote: body.slice(anchor.start, anchor.end) };
}
