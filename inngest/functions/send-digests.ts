// Digests: a cron looks for members whose digest is due every 15 minutes and
// writes one event per member and period (its id is the period's key, so a
// digest found twice starts one run); that run records the digest and its email
// in one step, then sends the email in the next. Recording is exactly once per
// member and period (server/services/digests/record-digest.ts), and sendMail
// delivers an email once per key, so nothing a run does twice reaches anyone twice.
import type { Inngest } from "inngest";
import { type Database, getDb } from "@/db";
import { enqueueDueDigests } from "@/server/services/digests/enqueue-due-digests";
import { recordDigest } from "@/server/services/digests/record-digest";
import { type MailOptions, sendMail } from "@/server/services/mail/send-mail";
import { inngest } from "../client";
import { dailyDigestDue, weeklyDigestDue } from "../events";

/** How often due digests are looked for: a digest goes out at most this long after its hour. */
export const DIGEST_CRON = "*/15 * * * *";

/** The functions on a client, database and mail transport of the caller's choosing (tests drive them on their own). */
export function digestFunctions(client: Inngest, database: () => Promise<Database>, mail: MailOptions = {}) {
  const find = client.createFunction(
    { id: "find-due-digests", name: "Find due digests", triggers: [{ cron: DIGEST_CRON }] },
    async ({ step }) => step.run("find-due-digests", async () => enqueueDueDigests(await database())),
  );
  const send = (kind: "daily" | "weekly") =>
    client.createFunction(
      kind === "daily"
        ? { id: "send-daily-digest", name: "Send a daily digest", triggers: [dailyDigestDue] }
        : { id: "send-weekly-digest", name: "Send a weekly campaign summary", triggers: [weeklyDigestDue] },
      async ({ event, step }) => {
        const outcome = await step.run("record-digest", async () => recordDigest(await database(), { kind, ...event.data }, mail));
        if ("skipped" in outcome) return outcome;
        await step.run("send-email", async () => {
          await sendMail(await database(), outcome.email, mail);
        });
        return { sent: outcome.email.to };
      },
    );
  return [find, send("daily"), send("weekly")] as const;
}

export const [findDueDigests, sendDailyDigest, sendWeeklyDigest] = digestFunctions(inngest, getDb);
