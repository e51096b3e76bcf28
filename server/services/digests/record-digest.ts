// One digest for one member and period, exactly once: its row in the digests
// table is claimed in the transaction that writes the email to the mail
// outbox, under a key derived from the same period. A second run for the period
// (a duplicate event, a second instance, a retried step) finds the row and
// sends nothing new; a retried step gets back the email it recorded, so the
// send that follows still delivers it (once: sendMail keeps to the key). A
// period with nothing to say is recorded without an email.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { type DigestKind, digests, outboxEmails } from "@/db/schema";
import { type MailMessage, type MailOptions, recordMail } from "../mail/send-mail";
import { transactionWithRetry } from "../shared/with-retry";
import { composeDailyDigest } from "./daily-digest";
import { findDigestRecipient } from "./digest-recipient";
import { composeWeeklyDigest } from "./weekly-digest";

export interface DigestInput {
  kind: DigestKind;
  workspaceId: string;
  userId: string;
  /** The member's local date (daily) or ISO week (weekly). */
  period: string;
}

export type DigestOutcome = { email: MailMessage } | { skipped: string };

/** The mail outbox's key of a digest: one email per member, kind and period. */
export const digestEmailKey = (input: DigestInput) => `digest:${input.kind}:${input.workspaceId}:${input.userId}:${input.period}`;

export async function recordDigest(db: Database, input: DigestInput, mail: Pick<MailOptions, "smtpUrl"> = {}): Promise<DigestOutcome> {
  return transactionWithRetry(db, async (tx) => {
    const recipient = await findDigestRecipient(tx, input);
    if (!recipient) return { skipped: "no longer a member, or turned this digest off" };
    const key = { workspaceId: input.workspaceId, userId: input.userId, kind: input.kind, period: input.period };
    // Two runs at once: the second waits here for the first to commit, then finds its row.
    const [claimed] = await tx.insert(digests).values(key).onConflictDoNothing().returning();
    if (!claimed) return earlier(tx, input);

    const content =
      input.kind === "daily"
        ? await composeDailyDigest(tx, recipient, { workspaceId: input.workspaceId, day: input.period })
        : await composeWeeklyDigest(tx, recipient, { workspaceId: input.workspaceId, week: input.period });
    if (!content) return { skipped: "nothing to say" };
    const email: MailMessage = { workspaceId: input.workspaceId, to: recipient.email, ...content, idempotencyKey: digestEmailKey(input) };
    await recordMail(tx, email, mail);
    await tx
      .update(digests)
      .set({ emailKey: email.idempotencyKey })
      .where(and(eq(digests.workspaceId, input.workspaceId), eq(digests.userId, input.userId), eq(digests.kind, input.kind), eq(digests.period, input.period)));
    return { email };
  });
}

/** What an earlier run recorded for the period: its email (for a retried step to send), or that there was nothing. */
async function earlier(tx: Database, input: DigestInput): Promise<DigestOutcome> {
  const [email] = await tx
    .select({ workspaceId: outboxEmails.workspaceId, to: outboxEmails.to, subject: outboxEmails.subject, text: outboxEmails.text, idempotencyKey: outboxEmails.idempotencyKey })
    .from(outboxEmails)
    .where(eq(outboxEmails.idempotencyKey, digestEmailKey(input)));
  return email ? { email } : { skipped: "already recorded for this period" };
}
