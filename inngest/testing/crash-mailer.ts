// The email the executor's crash test sends from its second step, through this
// app's outbox (sendMail: claimed, sent over SMTP, marked sent), so the test
// proves a kill -9 neither loses an email nor sends one twice. The executor's
// test app loads it by path (CRASH_MAILER_MODULE): the executor imports nothing
// of the app.
import type { Database } from "@/db";
import type { CrashMailer } from "@/inngest/executor/testing/crash-functions";
import { EmailSendInProgressError, sendMail } from "@/server/services/mail/send-mail";

export function crashMailer(smtpUrl: string, claimMs: number): CrashMailer {
  return {
    async send(db: Database, { runId, n }) {
      const email = await sendMail(
        db,
        { workspaceId: null, to: "crash@example.test", subject: `Run ${n}`, text: `Run ${runId}`, idempotencyKey: `crash:${runId}` },
        { smtpUrl, claimMs },
      );
      return email.messageId;
    },
    claimedElsewhere: (error) => error instanceof EmailSendInProgressError,
  };
}
