import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect } from "vitest";
import { outboxEmails } from "@/db/schema";
import { test } from "@/db/test-db";
import { type MailMessage, sendMail } from "./send-mail";

const servers: SMTPServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

/** A real SMTP server on 127.0.0.1 and a free port, keeping what it receives. */
async function startSmtpServer(options: { rejectWith?: string } = {}) {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no self-signed STARTTLS certificate for the client to refuse.
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          if (options.rejectWith) {
            callback(Object.assign(new Error(options.rejectWith), { responseCode: 554 }));
            return;
          }
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  servers.push(server);
  return { smtpUrl: `smtp://127.0.0.1:${port}`, received };
}

const message: MailMessage = {
  workspaceId: null,
  to: "lee@example.test",
  subject: "Your weekly campaign summary",
  text: "Three campaigns are live.\nTwo approvals wait for you.",
  idempotencyKey: "digest:lee:2025-W47",
};

describe("sendMail over SMTP", () => {
  test("delivers the email with a Message-ID derived from the idempotency key, and records it as sent", async ({ db }) => {
    const smtp = await startSmtpServer();

    const row = await sendMail(db, message, { smtpUrl: smtp.smtpUrl });

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toMatchObject({ value: [{ address: "lee@example.test" }] });
    expect(mail.subject).toBe("Your weekly campaign summary");
    expect(mail.text?.trim()).toBe(message.text);
    const digest = createHash("sha256").update(message.idempotencyKey).digest("hex").slice(0, 32);
    expect(mail.messageId).toBe(`<${digest}@crescendo.mail>`);
    expect(mail.headers.get("x-crescendo-idempotency-key")).toBe("digest:lee:2025-W47");

    expect(row).toMatchObject({ status: "sent", error: null, messageId: mail.messageId, to: "lee@example.test" });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  test("the same idempotency key again sends nothing more and returns the same outbox row", async ({ db }) => {
    const smtp = await startSmtpServer();
    const first = await sendMail(db, message, { smtpUrl: smtp.smtpUrl });

    const again = await sendMail(db, { ...message, subject: "A retry must not send this" }, { smtpUrl: smtp.smtpUrl });

    expect(smtp.received).toHaveLength(1);
    expect(again).toEqual(first);
    expect(await db.select().from(outboxEmails)).toEqual([first]);
  });

  test("without SMTP the email is only stored in the outbox", async ({ db }) => {
    const row = await sendMail(db, message, { smtpUrl: null });

    expect(row).toMatchObject({ status: "stored", sentAt: null, error: null, subject: message.subject });
    expect(await db.select().from(outboxEmails)).toEqual([row]);
  });

  test("an SMTP server that rejects the email: the call throws and the row is failed, with the reason", async ({ db }) => {
    const smtp = await startSmtpServer({ rejectWith: "Message refused by policy" });

    await expect(sendMail(db, message, { smtpUrl: smtp.smtpUrl })).rejects.toThrow(/Could not send email to lee@example\.test/);

    const [row] = await db.select().from(outboxEmails);
    expect(row).toMatchObject({ status: "failed", sentAt: null, error: expect.stringContaining("Message refused by policy") });
  });

  test("a failed email is sent when retried with the same key, once the server accepts it", async ({ db }) => {
    const refusing = await startSmtpServer({ rejectWith: "Try again later" });
    await expect(sendMail(db, message, { smtpUrl: refusing.smtpUrl })).rejects.toThrow();
    const accepting = await startSmtpServer();

    const row = await sendMail(db, message, { smtpUrl: accepting.smtpUrl });

    expect(accepting.received).toHaveLength(1);
    expect(row).toMatchObject({ status: "sent", error: null });
    expect(await db.select().from(outboxEmails)).toHaveLength(1);
  });

  test("two processes sending the same key at once send it once", async ({ db }) => {
    const smtp = await startSmtpServer();

    const rows = await Promise.all([
      sendMail(db, message, { smtpUrl: smtp.smtpUrl }),
      sendMail(db, message, { smtpUrl: smtp.smtpUrl }),
      sendMail(db, message, { smtpUrl: smtp.smtpUrl }),
    ]);

    expect(smtp.received).toHaveLength(1);
    expect(new Set(rows.map((row) => row.id)).size).toBe(1);
    const [stored] = await db.select().from(outboxEmails);
    expect(stored).toMatchObject({ status: "sent", claimedUntil: null });
  });

  test("an email whose sender died mid-send is taken over once its claim lapses", async ({ db }) => {
    const smtp = await startSmtpServer();
    // As a process leaves it when it dies after claiming: sending, with a claim.
    await db.insert(outboxEmails).values({
      ...message,
      messageId: "<left-behind@crescendo.mail>",
      status: "sending",
      claimedUntil: new Date(Date.now() + 60_000),
    });

    const whileClaimed = await sendMail(db, message, { smtpUrl: smtp.smtpUrl });
    expect(whileClaimed.status).toBe("sending");
    expect(smtp.received).toHaveLength(0);

    await db
      .update(outboxEmails)
      .set({ claimedUntil: new Date(Date.now() - 1_000) })
      .where(eq(outboxEmails.idempotencyKey, message.idempotencyKey));
    const afterLapse = await sendMail(db, message, { smtpUrl: smtp.smtpUrl });
    expect(afterLapse.status).toBe("sent");
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.messageId).toBe("<left-behind@crescendo.mail>");
  });
});
