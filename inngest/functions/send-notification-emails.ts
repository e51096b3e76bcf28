// "notification/email.queued": one email listing a member's pending
// notifications. notify() starts one run per batch (the member's schedule row
// says whether one already waits), so a burst of notifications is one run and
// one email. The send time is computed in a step (a minute after the first, at
// most one email per 15 minutes, after the member's quiet hours; now when
// nothing is left), so every replay sleeps until the same moment; then one step
// claims the notifications and records the email in one transaction, and the
// last one delivers it under an idempotency key made from the event id: a
// retried step or a second run sends nothing twice, and a run that finds
// nothing pending sends nothing.
import type { Inngest } from "inngest";
import { type Database, getDb } from "@/db";
import { type MailOptions, sendMail } from "@/server/services/mail/send-mail";
import { claimNotificationEmail, planNotificationEmail } from "@/server/services/notifications/notification-email";
import { notificationEmailEventId } from "@/server/services/notifications/schedule-notification-email";
import { inngest } from "../client";
import { notificationEmailQueued } from "../events";

/** The function for `client`; tests hand it their own database and SMTP server. */
export function createSendNotificationEmails(client: Inngest, options: { db: () => Promise<Database>; mail?: MailOptions }) {
  return client.createFunction(
    { id: "send-notification-emails", name: "Email a member's notifications", triggers: [notificationEmailQueued] },
    async ({ event, step }) => {
      const run = { workspaceId: event.data.workspaceId, userId: event.data.userId, eventId: notificationEmailEventId(event.data.batchId) };
      const sendAt = await step.run("plan-send-time", async () => planNotificationEmail(await options.db(), run));
      await step.sleepUntil("wait-until-send-time", sendAt);
      const email = await step.run("claim-notifications", async () => claimNotificationEmail(await options.db(), run, options.mail));
      if (!email) return { sent: false };
      await step.run("send-email", async () => {
        await sendMail(await options.db(), email, options.mail);
      });
      return { sent: true, subject: email.subject };
    },
  );
}

export const sendNotificationEmails = createSendNotificationEmails(inngest, { db: getDb });
