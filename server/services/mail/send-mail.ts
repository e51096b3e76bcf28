// Sends app email through the outbox: the row is written first, so an email
// exists (and can be read by admins) even when SMTP is off or failing, and the
// idempotency key makes a retried send, say a workflow step run again after a
// crash, deliver the email once.
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
  /** How long a sender holds an unsent email before another process may take it over (default 60 s). */
  claimMs?: number;
}

const DEFAULT_CLAIM_MS = 60_000;

/**
 * Another process holds the claim on this email and may be sending it right now,
 * or may have died doing so. Nothing was sent: try again later (a workflow step
 * that throws this is retried), by when the email is sent or its claim has lapsed.
 */
export class EmailSendInProgressError extends Error {
  readonly retriable = true;

  constructor(
    readonly idempotencyKey: string,
    readonly claimedUntil: Date | null,
  ) {
    super(
      `Email ${idempotencyKey} is being sent by another process${claimedUntil ? ` (its claim lasts until ${claimedUntil.toISOString()})` : ""}; try again later.`,
    );
    this.name = "EmailSendInProgressError";
  }
}

/**
 * Records an email to send once the caller's transaction commits, in that
 * transaction: whatever the transaction claims (say, notifications marked as
 * emailed) and the email exist together or not at all. `sendMail` with the same
 * message then delivers it, once, however often it is called.
 */
export async function recordMail(tx: Database, message: MailMessage, options: Pick<MailOptions, "smtpUrl"> = {}): Promise<void> {
  const smtpUrl = options.smtpUrl === undefined ? env.SMTP_URL : options.smtpUrl;
  // "sending" without a claim: the first sendMail claims it at once.
  await tx
    .insert(outboxEmails)
    .values({ ...message, messageId: messageIdOf(message.idempotencyKey), status: smtpUrl ? "sending" : "stored", claimedUntil: null })
    .onConflictDoNothing({ target: outboxEmails.idempotencyKey });
}

/** The Message-ID an idempotency key always gets, so a resend is recognisably the same email. */
function messageIdOf(idempotencyKey: string): string {
  return `<${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 32)}@crescendo.mail>`;
}

/**
 * Records the email in the outbox and, when SMTP is configured, sends it. One
 * process at a time holds a claim on an unsent email, so two concurrent sends of
 * one key send once; the other throws EmailSendInProgressError rather than
 * report an email as sent that may never go out. The Message-ID derives from
 * the idempotency key, so if the process dies between the SMTP server accepting
 * it and our update, the resend after the claim lapses carries the same Message-ID.
 */
export async function sendMail(db: Database, message: MailMessage, options: MailOptions = {}): Promise<OutboxEmail> {
  const smtpUrl = options.smtpUrl === undefined ? env.SMTP_URL : options.smtpUrl;
  const claimMs = options.claimMs ?? DEFAULT_CLAIM_MS;
  const claim = sql`now() + ${claimMs} * interval '1 millisecond'`;
  const messageId = messageIdOf(message.idempotencyKey);

  const [inserted] = await db
    .insert(outboxEmails)
    .values({ ...message, messageId, status: smtpUrl ? "sending" : "stored", claimedUntil: smtpUrl ? claim : null })
    .onConflictDoNothing({ target: outboxEmails.idempotencyKey })
    .returning();
  let email = inserted;
  if (!email) {
    const existing = await findByKey(db, message.idempotencyKey);
    if (!smtpUrl || existing.status === "sent" || existing.status === "stored") return existing;
    const [claimed] = await db
      .update(outboxEmails)
      .set({ status: "sending", claimedUntil: claim })
      .where(
        and(
          eq(outboxEmails.id, existing.id),
          inArray(outboxEmails.status, ["sending", "failed"]),
          or(isNull(outboxEmails.claimedUntil), lt(outboxEmails.claimedUntil, sql`now()`)),
        ),
      )
      .returning();
    if (!claimed) {
      // The other sender may have finished in the meantime.
      const now = await findByKey(db, message.idempotencyKey);
      if (now.status === "sent" || now.status === "stored") return now;
      throw new EmailSendInProgressError(message.idempotencyKey, now.claimedUntil);
    }
    email = claimed;
  }
  if (!smtpUrl) return email;

  try {
    // Each stage of the SMTP exchange gets a slice of the claim, so a hung server
    // fails the send long before the claim lapses and someone else sends it too.
    await smtpTransport(smtpUrl, Math.min(10_000, Math.floor(claimMs / 6))).sendMail({
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

async function findByKey(db: Database, idempotencyKey: string): Promise<OutboxEmail> {
  const row = await db.query.outboxEmails.findFirst({ where: eq(outboxEmails.idempotencyKey, idempotencyKey) });
  if (!row) throw new Error(`Outbox email ${idempotencyKey} vanished while being sent`);
  return row;
}
