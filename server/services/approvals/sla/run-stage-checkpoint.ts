// One checkpoint of a stage's SLA, on the request locked and re-read: remind
// whoever has not decided, escalate to the policy's people (whose decision alone
// then settles the stage), approve the stage automatically, or expire the
// request. Each leaves a history entry and tells the people involved; reminders
// and escalations email review links too. A round that has ended gets nothing.
import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { type ApprovalApprover, type ApprovalRequest, approvalApprovers } from "@/db/schema";
import { type MailMessage, type MailOptions, recordMail, sendMail } from "@/server/services/mail/send-mail";
import { notifyMany } from "@/server/services/notifications/notify";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { advanceIfDecided } from "../decide-approval";
import { recordRequestHistory } from "../request-history";
import { reviewEmails } from "../review/review-emails";
import { approvalLink, closeRequest, memberName, requestTitle, resolveStageApprovers, stageAt } from "../stage-lifecycle";
import { lockOpenRound, type RoundInput } from "./lock-open-round";
import type { StageCheckpoint } from "./stage-checkpoints";

export type CheckpointOutcome =
  | { skipped: string }
  | { reminded: string[] }
  | { escalated: string[] }
  /** The round is over: the stage was approved automatically (and the request moved on or was approved), or the request expired. */
  | { ended: "approved" | "next_stage" | "expired" };

type Checkpoint = Pick<StageCheckpoint, "name" | "kind">;

export async function runStageCheckpoint(
  db: Database,
  input: RoundInput & { checkpoint: Checkpoint; now?: Date },
  mail: MailOptions = {},
): Promise<CheckpointOutcome> {
  let emails: MailMessage[] = [];
  const outcome = await transactionWithRetry(db, async (tx) => {
    emails = [];
    const open = await lockOpenRound(tx, input);
    if ("skipped" in open) return open;
    const step = { tx, request: open.request, now: input.now ?? new Date(), checkpoint: input.checkpoint, emails };
    switch (input.checkpoint.kind) {
      case "remind":
        return remind(step);
      case "escalate":
        return escalate(step);
      case "approve":
        return approve(step);
      case "expire":
        return expire(step);
    }
  });
  for (const email of emails) await sendMail(db, email, mail);
  return outcome;
}

interface Step {
  tx: Database;
  request: ApprovalRequest;
  now: Date;
  checkpoint: Checkpoint;
  /** Recorded in the transaction, sent once it commits. */
  emails: MailMessage[];
}

/** "Maya Patel, nia@example.com": members by name, then external reviewers by address, each in alphabetical order. */
async function namesOf(tx: Database, approvers: ApprovalApprover[]): Promise<string[]> {
  const members = await Promise.all(approvers.flatMap((approver) => (approver.userId ? [memberName(tx, approver.userId)] : [])));
  const external = approvers.flatMap((approver) => (approver.userId ? [] : [approver.email ?? "an external reviewer"]));
  const byName = (a: string, b: string) => a.localeCompare(b);
  return [...members.sort(byName), ...external.sort(byName)];
}

async function email(step: Step, approvers: ApprovalApprover[], occasion: Parameters<typeof reviewEmails>[3]) {
  for (const message of await reviewEmails(step.tx, step.request, approvers, occasion)) {
    await recordMail(step.tx, message);
    step.emails.push(message);
  }
}

/** A history entry by Crescendo (no actor). */
function audit(step: Step, action: string, after: Record<string, unknown>) {
  const { request } = step;
  return recordRequestHistory(step.tx, request, {
    actorId: null,
    at: step.now,
    action,
    after: { stage: request.stageIndex + 1, version: request.version, checkpoint: step.checkpoint.name, ...after },
  });
}

async function notifyApprovers(step: Step, approvers: ApprovalApprover[], title: string, key: string) {
  const { request } = step;
  await notifyMany(
    step.tx,
    approvers.flatMap((approver) =>
      approver.userId
        ? [
            {
              workspaceId: request.workspaceId,
              userId: approver.userId,
              kind: "approval_waiting" as const,
              actorId: null,
              campaignId: request.campaignId,
              title,
              link: approvalLink(request.id),
              dedupeKey: `${key}:${request.id}:${request.round}:${step.checkpoint.name}:${approver.userId}`,
            },
          ]
        : [],
    ),
  );
}

async function remind(step: Step): Promise<CheckpointOutcome> {
  const { tx, request } = step;
  const waiting = await tx
    .select()
    .from(approvalApprovers)
    .where(and(eq(approvalApprovers.requestId, request.id), eq(approvalApprovers.round, request.round), eq(approvalApprovers.waiting, true)))
    .orderBy(asc(approvalApprovers.createdAt), asc(approvalApprovers.id));
  if (waiting.length === 0) return { skipped: "everyone has decided" };
  const names = await namesOf(tx, waiting);
  const title = await requestTitle(tx, request);
  await notifyApprovers(step, waiting, `Reminder: “${title}” waits on your approval (${stageAt(request).name})`, "approval-reminded");
  await audit(step, "reminded", { names: names.join(", ") });
  await email(step, waiting, { kind: "reminder", key: step.checkpoint.name });
  return { reminded: names };
}

async function escalate(step: Step): Promise<CheckpointOutcome> {
  const { tx, request } = step;
  const stage = stageAt(request);
  const escalateTo = stage.onTimeout.escalateTo ?? { userIds: [], roles: [] };
  const people = await resolveStageApprovers(tx, {
    workspaceId: request.workspaceId,
    approvers: { ...escalateTo, emails: [] },
    exclude: request.allowSelfApproval ? null : request.requestedById,
  });
  const userIds = people.map((person) => person.userId!);
  if (userIds.length === 0) return { skipped: "nobody it escalates to is a member any more" };
  await tx
    .insert(approvalApprovers)
    .values(
      userIds.map((userId) => ({
        workspaceId: request.workspaceId,
        requestId: request.id,
        stageIndex: request.stageIndex,
        round: request.round,
        userId,
        tokenNonce: randomBytes(16).toString("base64url"),
        escalated: true,
        dueAt: request.stageDueAt,
        requestedAt: request.requestedAt,
      })),
    )
    .onConflictDoNothing();
  // Someone already waiting in this stage who is also escalated to now decides alone too; who already decided is left be.
  const targets = await tx
    .update(approvalApprovers)
    .set({ escalated: true })
    .where(and(eq(approvalApprovers.requestId, request.id), eq(approvalApprovers.round, request.round), eq(approvalApprovers.waiting, true), inArray(approvalApprovers.userId, userIds)))
    .returning();
  if (targets.length === 0) return { skipped: "everyone it escalates to has already decided" };
  const names = await namesOf(tx, targets);
  const title = await requestTitle(tx, request);
  await notifyApprovers(step, targets, `“${title}” was escalated to you: nobody decided in time (${stage.name})`, "approval-escalated");
  await audit(step, "escalated", { names: names.join(", ") });
  await email(step, targets, { kind: "escalation" });
  return { escalated: names };
}

async function approve(step: Step): Promise<CheckpointOutcome> {
  const { tx, request, now } = step;
  await audit(step, "auto_approved", {});
  const { effect } = await advanceIfDecided(tx, request, { actorId: null, now, by: "Crescendo", decisive: true });
  if (effect === "next_stage" && request.requestedById) {
    // The request's last stage tells the requester itself (closeRequest); a stage in between does not.
    const title = await requestTitle(tx, request);
    await notifyMany(tx, [
      {
        workspaceId: request.workspaceId,
        userId: request.requestedById,
        kind: "approval_outcome",
        actorId: null,
        campaignId: request.campaignId,
        title: `“${title}”: stage ${request.stageIndex + 1} (${stageAt(request).name}) was approved automatically when it timed out`,
        link: approvalLink(request.id),
        dedupeKey: `approval-auto-approved:${request.id}:${request.round}`,
      },
    ]);
  }
  return { ended: effect === "next_stage" ? "next_stage" : "approved" };
}

async function expire(step: Step): Promise<CheckpointOutcome> {
  const { request } = step;
  const stage = stageAt(request);
  await closeRequest(step.tx, request, "expired", {
    actorId: null,
    now: step.now,
    reason: `stage ${request.stageIndex + 1}, “${stage.name}”, timed out without a decision`,
  });
  return { ended: "expired" };
}
