import { and, desc, eq, lt } from "drizzle-orm";
import type { Database } from "@/db";
import { auditLog, users } from "@/db/schema";

const PAGE_SIZE = 50;

/** A campaign's history, newest first: every change to it, its milestones and its content, with who made it. */
export async function listCampaignActivity(db: Database, input: { workspaceId: string; campaignId: string; cursor?: number | null }) {
  const rows = await db
    .select({
      id: auditLog.id,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
      createdAt: auditLog.createdAt,
      actor: { id: users.id, name: users.name },
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.workspaceId, input.workspaceId),
        eq(auditLog.campaignId, input.campaignId),
        input.cursor ? lt(auditLog.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(PAGE_SIZE + 1);
  const entries = rows.slice(0, PAGE_SIZE);
  return { entries, nextCursor: rows.length > PAGE_SIZE ? (entries.at(-1)?.id ?? null) : null };
}
