import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { calendarFeeds } from "@/db/schema";

/** Turns the caller's feed link off for good; calendar apps get "not found" from then on. Revoking twice is harmless. */
export async function revokeCalendarFeed(db: Database, input: { workspaceId: string; actorId: string }): Promise<{ revoked: boolean }> {
  const revoked = await db
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(and(eq(calendarFeeds.workspaceId, input.workspaceId), eq(calendarFeeds.userId, input.actorId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  return { revoked: revoked.length > 0 };
}
