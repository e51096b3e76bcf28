// The emails that carry a review link: when a stage starts, at each reminder and
// to whoever a stage is escalated to. Members read the due time in their own
// zone, external reviewers in the workspace's. Each email has its own
// idempotency key (approver row and occasion), so a retried step sends it once.
import { eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { type ApprovalApprover, type ApprovalRequest, campaigns, users, workspaces } from "@/db/schema";
import { appUrl } from "@/server/env";
import { formatDateTimeWithZone, resolveViewer } from "@/server/services/date-time";
import type { MailMessage } from "@/server/services/mail/send-mail";
import { requestTitle, stageAt } from "../stage-lifecycle";
import { reviewPath, reviewToken } from "./review-token";

/** Why the email goes out; `key` tells apart several of one kind (reminder-1, reminder-2). */
export type ReviewOccasion = { kind: "started" } | { kind: "reminder"; key: string } | { kind: "escalation" };

const occasionKey = (occasion: ReviewOccasion) => (occasion.kind === "reminder" ? `reminder:${occasion.key}` : occasion.kind);

export async function reviewEmails(tx: Database, request: ApprovalRequest, approvers: ApprovalApprover[], occasion: ReviewOccasion): Promise<MailMessage[]> {
  if (approvers.length === 0) return [];
  const [workspace] = await tx.select({ name: workspaces.name, timeZone: workspaces.timeZone }).from(workspaces).where(eq(workspaces.id, request.workspaceId));
  const [campaign] = await tx.select({ name: campaigns.name }).from(campaigns).where(eq(campaigns.id, request.campaignId));
  const title = await requestTitle(tx, request);
  const stage = stageAt(request);
  const memberIds = approvers.flatMap((approver) => (approver.userId ? [approver.userId] : []));
  const members = memberIds.length
    ? await tx.select({ id: users.id, email: users.email, name: users.name, timeZone: users.timeZone, locale: users.locale }).from(users).where(inArray(users.id, memberIds))
    : [];
  const byId = new Map(members.map((member) => [member.id, member]));

  return approvers.flatMap((approver) => {
    const member = approver.userId ? byId.get(approver.userId) : undefined;
    const to = member?.email ?? approver.email;
    if (!to) return [];
    const viewer = resolveViewer({ preferredTimeZone: member?.timeZone, preferredLocale: member?.locale, workspaceTimeZone: workspace?.timeZone });
    const due = request.stageDueAt ? `Please decide by ${formatDateTimeWithZone(viewer, request.stageDueAt)}.` : "Please decide when you can.";
    const subject =
      occasion.kind === "escalation"
        ? `Escalated to you: approve “${title}”`
        : occasion.kind === "reminder"
          ? `Reminder: “${title}” waits on your approval`
          : `Approval requested: “${title}”`;
    const opening =
      occasion.kind === "escalation"
        ? `Nobody decided on “${title}” in time, so it was escalated to you: your decision alone settles this stage.`
        : occasion.kind === "reminder"
          ? `“${title}” still waits on your decision.`
          : `“${title}” waits on your approval.`;
    return [
      {
        workspaceId: request.workspaceId,
        to,
        subject,
        text: [
          member?.name ? `Hello ${member.name},` : "Hello,",
          "",
          opening,
          "",
          `Campaign: ${campaign?.name ?? "—"}`,
          `Stage: ${stage.name} (stage ${request.stageIndex + 1} of ${request.stages.length})`,
          `Version: ${request.version}`,
          due,
          "",
          `Review it here: ${appUrl()}${reviewPath(reviewToken(approver))}`,
          "",
          "Opening the link decides nothing: you approve, reject or ask for changes with the buttons on the page.",
          `The link is yours alone and works while this version waits on this stage.${workspace ? ` Sent for ${workspace.name} by Crescendo.` : ""}`,
        ].join("\n"),
        idempotencyKey: `approval-review:${approver.id}:${occasionKey(occasion)}`,
      },
    ];
  });
}
