// Every few minutes: pending content approvals whose publish time has passed
// expire, and their requesters are told (server/services/approvals/sla/expire-past-publish-time.ts).
import type { Inngest } from "inngest";
import { type Database, getDb } from "@/db";
import { expirePastPublishTime } from "@/server/services/approvals/sla/expire-past-publish-time";
import { inngest } from "../client";

/** An item expires at most this long after its publish time. */
export const EXPIRY_CRON = "*/5 * * * *";

export function approvalExpirePastPublishFunction(client: Inngest, database: () => Promise<Database>) {
  return client.createFunction(
    { id: "approval-expire-past-publish", name: "Expire approvals past their publish time", triggers: [{ cron: EXPIRY_CRON }] },
    async ({ step }) => step.run("expire-requests", async () => expirePastPublishTime(await database())),
  );
}

export const approvalExpirePastPublish = approvalExpirePastPublishFunction(inngest, getDb);
