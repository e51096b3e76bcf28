import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
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

/**
 * Records the email in the outbox and, when SMTP is configured, sends it. The
 * Message-ID derives from the idempotency key, so if the process dies between the
 * SMTP server accepting it and our update, the resend carries the same Message-ID.
 */
export async function sendMail(db: Database, message: MailMessage, options: MailOptions = {}): Promise<OutboxEmail> {
  const smtpUrl = options.smtpUrl === undefined ? env.SMTP_URL : options.smtpUrl;
  const digest = createHash("sha256").update(message.idempotencyKey).digest("hex").slice(0, 32);
  const messageId = `<${digest}@crescendo.mail>`;

  const [inserted] = await db
    .insert(outboxEmails)
    .values({ ...message, messageId, status: smtpUrl ? "sending" : "stored" })
    .onConflictDoNothing({ target: outboxEmails.idempotencyKey })
    .returning();
  const email =
    inserted ??
    (await db.query.outboxEmails.findFirst({ where: eq(outboxEmails.idempotencyKey, message.idempotencyKey) }));
  if (!email) throw new Error(`Outbox email ${message.idempotencyKey} vanished while being sent`);
  if (!smtpUrl || email.status === "sent" || email.status === "stored") return email;

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
    await db.update(outboxEmails).set({ status: "failed", error: reason }).where(eq(outboxEmails.id, email.id));
    throw new Error(`Could not send email to ${email.to}: ${reason}`, { cause: error });
  }
  const [sent] = await db
    .update(outboxEmails)
    .set({ status: "sent", error: null, sentAt: new Date() })
    .where(eq(outboxEmails.id, email.id))
    .returning();
  return sent!;
}
