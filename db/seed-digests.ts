// Today's digests for the demo workspace, recorded as the digest cron records
// them (server/services/digests), so the outbox shows them as soon as the demo
// starts: the daily "today's work" email of everyone with something to say, and
// the weekly summary of each active campaign's owner.
import { and, eq } from "drizzle-orm";
import { recordDigest } from "@/server/services/digests/record-digest";
import { isoWeekIn } from "@/server/services/digests/weekly-digest";
import { todayIn } from "@/server/services/date-time";
import type { Database } from "./client";
import { campaigns, memberships, workspaces } from "./schema";

export async function seedDemoDigests(db: Database, input: { workspaceId: string }): Promise<void> {
  const [workspace] = await db.select({ timeZone: workspaces.timeZone }).from(workspaces).where(eq(workspaces.id, input.workspaceId));
  const timeZone = workspace!.timeZone;
  // Kept in the outbox only, like every email of a demo without SMTP.
  const mail = { smtpUrl: null };
  const members = await db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.workspaceId, input.workspaceId)).orderBy(memberships.userId);
  for (const { userId } of members) {
    await recordDigest(db, { kind: "daily", workspaceId: input.workspaceId, userId, period: todayIn(timeZone) }, mail);
  }
  const owners = await db
    .selectDistinct({ userId: campaigns.ownerId })
    .from(campaigns)
    .where(and(eq(campaigns.workspaceId, input.workspaceId), eq(campaigns.status, "active")))
    .orderBy(campaigns.ownerId);
  for (const { userId } of owners) {
    await recordDigest(db, { kind: "weekly", workspaceId: input.workspaceId, userId, period: isoWeekIn(timeZone) }, mail);
  }
}
