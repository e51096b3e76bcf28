import { createHash } from "node:crypto";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { type OutboxEmail, outboxEmails } from "@/db/schema";
import { env } from "@/server/env";
import { smtpTransport } from "./smtp-transport";

export interface MailMessage {
  /** The workspace the email belongs to; its admins read it in the outbox. */
  workspaceId: string | null;
  to: string;
  subject: string;
  text: string;
  /** Same key, same email: a retried send neither stores nor sends it twice. */
  idempotencyKey: string;
}

export interface MailOptions {
  /** Defaults to SMTP_URL; null keeps the email in the outbox only. */
  smtpUrl?: string | null;
}

// How long a sender may hold an email before another process may take it over.
const CLAIM = sql`now() + interval '2 minutes'`;

/**
 * Records the email in the outbox and, when SMTP is configured, sends it. One
 * process at a time holds a claim on an unsent email, so two concurrent sends of
 * one key send once. The Message-ID derives from the idempotency key, so if the
 * process dies between the SMTP server accepting it and our update, the resend
 * after the claim lapses carries the same Message-ID.
 */
export async function sendMail(db: Database, message: MailMessage, options: MailOptions = {}): Promise<OutboxEmail> {
  const smtpUrl = options.smtpUrl === undefined ? env.SMTP_URL : options.smtpUrl;
  const digest = createHash("sha256").update(message.idempotencyKey).digest("hex").slice(0, 32);
  const messageId = `<${digest}@crescendo.mail>`;

  const [inserted] = await db
    .insert(outboxEmails)
    .values({ ...message, messageId, status: smtpUrl ? "sending" : "stored", claimedUntil: smtpUrl ? CLAIM : null })
    .onConflictDoNothing({ target: outboxEmails.idempotencyKey })
    .returning();
  let email = inserted;
  if (!email) {
    const existing = await db.query.outboxEmails.findFirst({
      where: eq(outboxEmails.idempotencyKey, message.idempotencyKey),
    });
    if (!existing) throw new Error(`Outbox email ${message.idempotencyKey} vanished while being sent`);
    if (!smtpUrl || existing.status === "sent" || existing.status === "stored") return existing;
    const [claimed] = await db
      .update(outboxEmails)
      .set({ status: "sending", claimedUntil: CLAIM })
      .where(
        and(
          eq(outboxEmails.id, existing.id),
          inArray(outboxEmails.status, ["sending", "failed"]),
          or(isNull(outboxEmails.claimedUntil), lt(outboxEmails.claimedUntil, sql`now()`)),
        ),
      )
      .returning();
    // Another process is sending it right now.
    if (!claimed) return existing;
    email = claimed;
  }
  if (!smtpUrl) return email;

  try {
    await smtpTransport(smtpUrl).sendMail({
      from: env.MAIL_FROM,
      to: email.to,
      subject: email.subject,
      text: email.text,
      messageId: email.messageId,
      headers: { "X-Crescendo-Idempotency-Key": email.idempotencyKey },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await db.update(outboxEmails).set({ status: "failed", error: reason, claimedUntil: null }).where(eq(outboxEmails.id, email.id));
    throw new Error(`Could not send email to ${email.to}: ${reason}`, { cause: error });
  }
  const [sent] = await db
    .update(outboxEmails)
    .set({ status: "sent", error: null, sentAt: new Date(), claimedUntil: null })
    .where(eq(outboxEmails.id, email.id))
    .returning();
  return sent!;
}
