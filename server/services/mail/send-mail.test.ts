// sendMail against a real SMTP server and a real database: what is delivered,
// what the outbox row says, and what a second sender sees while one holds the claim.
import { createHash } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect } from "vitest";
import type { Database } from "@/db";
import { type OutboxEmail, outboxEmails } from "@/db/schema";
import { test } from "@/db/test-db";
import { EmailSendInProgressError, type MailMessage, sendMail } from "./send-mail";
import { startSmtpServer as startServer, type TestSmtpServer } from "./test-smtp-server";

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function startSmtpServer(options: { rejectWith?: string } = {}) {
  const server = await startServer(options);
  servers.push(server);
  return server;
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

  test("two processes sending the same key at once send it once; the one without the claim is told to retry", async ({ db }) => {
    const smtp = await startSmtpServer();

    const results = await Promise.allSettled([
      sendMail(db, message, { smtpUrl: smtp.smtpUrl }),
      sendMail(db, message, { smtpUrl: smtp.smtpUrl }),
      sendMail(db, message, { smtpUrl: smtp.smtpUrl }),
    ]);

    expect(smtp.received).toHaveLength(1);
    const sent = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
    expect(sent.length).toBeGreaterThanOrEqual(1);
    // A loser that looked after the winner finished gets the sent row; one that looked during the send must retry.
    for (const row of sent) expect(row).toMatchObject({ status: "sent", claimedUntil: null });
    for (const error of refused) expect(error).toBeInstanceOf(EmailSendInProgressError);
    const [stored] = await db.select().from(outboxEmails);
    expect(stored).toMatchObject({ status: "sent", claimedUntil: null });

    const retried = await sendMail(db, message, { smtpUrl: smtp.smtpUrl });
    expect(retried).toEqual(stored);
    expect(smtp.received).toHaveLength(1);
  });

  test("an email another sender holds is not reported as sent: the call throws until the claim lapses, then sends it", async ({ db }) => {
    const smtp = await startSmtpServer();
    // As a process leaves it when it dies after claiming: sending, with a claim.
    const claimedUntil = new Date(Date.now() + 60_000);
    await db.insert(outboxEmails).values({ ...message, messageId: "<left-behind@crescendo.mail>", status: "sending", claimedUntil });

    const error = await sendMail(db, message, { smtpUrl: smtp.smtpUrl }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EmailSendInProgressError);
    expect(error).toMatchObject({ idempotencyKey: message.idempotencyKey, retriable: true, claimedUntil });
    expect((error as Error).message).toMatch(/being sent by another process/);
    expect(smtp.received).toHaveLength(0);
    const [untouched] = await db.select().from(outboxEmails);
    expect(untouched).toMatchObject({ status: "sending", claimedUntil });

    await db
      .update(outboxEmails)
      .set({ claimedUntil: new Date(Date.now() - 1_000) })
      .where(eq(outboxEmails.idempotencyKey, message.idempotencyKey));
    const afterLapse = await sendMail(db, message, { smtpUrl: smtp.smtpUrl });
    expect(afterLapse.status).toBe("sent");
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.messageId).toBe("<left-behind@crescendo.mail>");
  });

  test("an SMTP server that never answers: the sender holds a claim of claimMs, gives up well inside it, and the email can be retried", async ({ db }) => {
    const silent = await startSilentServer();
    const started = Date.now();

    const sending = sendMail(db, message, { smtpUrl: silent.smtpUrl, claimMs: 3_000 });
    const outcome = sending.then(
      () => null,
      (error: unknown) => error,
    );
    const held = await waitForRow(db);
    expect(held).toMatchObject({ status: "sending" });
    expect(held.claimedUntil!.getTime() - held.createdAt.getTime()).toBe(3_000);
    await expect(sendMail(db, message, { smtpUrl: silent.smtpUrl })).rejects.toBeInstanceOf(EmailSendInProgressError);

    expect(await outcome).toMatchObject({ message: expect.stringMatching(/Could not send email to lee@example\.test/) });
    expect(Date.now() - started).toBeLessThan(3_000);
    const [row] = await db.select().from(outboxEmails);
    expect(row).toMatchObject({ status: "failed", claimedUntil: null });
    await silent.close();

    const smtp = await startSmtpServer();
    expect(await sendMail(db, message, { smtpUrl: smtp.smtpUrl })).toMatchObject({ status: "sent" });
    expect(smtp.received).toHaveLength(1);
  });
});

/** A TCP server that takes connections and never says a word (no SMTP greeting). */
async function startSilentServer() {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function waitForRow(db: Database): Promise<OutboxEmail> {
  for (;;) {
    const [row] = await db.select().from(outboxEmails);
    if (row) return row;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
