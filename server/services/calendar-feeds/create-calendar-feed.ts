import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { calendarFeeds } from "@/db/schema";
import { AppError, isUniqueViolation } from "@/server/errors";
import { feedUrl, newFeedToken } from "./feed-token";
import type { MyCalendarFeed } from "./get-my-calendar-feed";

/**
 * A new private feed link for the caller in this workspace. An existing link is
 * revoked in the same transaction, so asking again is how a leaked link is replaced.
 */
export async function createCalendarFeed(db: Database, input: { workspaceId: string; actorId: string }): Promise<MyCalendarFeed> {
  const { tokenHash, tokenNonce } = newFeedToken();
  try {
    const feed = await db.transaction(async (tx) => {
      await tx
        .update(calendarFeeds)
        .set({ revokedAt: new Date() })
        .where(and(eq(calendarFeeds.workspaceId, input.workspaceId), eq(calendarFeeds.userId, input.actorId), isNull(calendarFeeds.revokedAt)));
      const [created] = await tx
        .insert(calendarFeeds)
        .values({ workspaceId: input.workspaceId, userId: input.actorId, tokenHash, tokenNonce })
        .returning({ createdAt: calendarFeeds.createdAt, lastFetchedAt: calendarFeeds.lastFetchedAt });
      return created!;
    });
    return { url: feedUrl(tokenNonce), ...feed };
  } catch (error) {
    // Two requests at once (two tabs): the live-feed index lets one win.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "A new calendar link was just made in another tab. Reload the page to see it.");
    throw error;
  }
}
