import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { approvalApprovers } from "@/db/schema";
import { type MailMessage, type MailOptions, recordMail, sendMail } from "@/server/services/mail/send-mail";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { reviewEmails } from "../review/review-emails";
import { lockOpenRound, type RoundInput } from "./lock-open-round";

/**
 * Emails each approver of a round that has just started (members and external
 * reviewers alike) their own review link. The emails are recorded with the
 * round still open, then sent; a retry sends none twice.
 */
export async function emailStageApprovers(db: Database, input: RoundInput, mail: MailOptions = {}): Promise<{ emailed: number } | { skipped: string }> {
  let emails: MailMessage[] = [];
  const outcome = await transactionWithRetry(db, async (tx) => {
    const open = await lockOpenRound(tx, input);
    if ("skipped" in open) return open;
    const approvers = await tx
      .select()
      .from(approvalApprovers)
      .where(and(eq(approvalApprovers.requestId, input.requestId), eq(approvalApprovers.round, input.round), eq(approvalApprovers.waiting, true)))
      .orderBy(asc(approvalApprovers.createdAt), asc(approvalApprovers.id));
    emails = await reviewEmails(tx, open.request, approvers, { kind: "started" });
    for (const email of emails) await recordMail(tx, email, mail);
    return { emailed: emails.length };
  });
  for (const email of emails) await sendMail(db, email, mail);
  return outcome;
}
