import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { calendarFeeds } from "@/db/schema";
import { feedUrl } from "./feed-token";

export interface MyCalendarFeed {
  url: string;
  createdAt: Date;
  lastFetchedAt: Date | null;
}

/** The caller's live feed in this workspace, with its URL rebuilt from the nonce; null when they have none. */
export async function getMyCalendarFeed(db: Database, input: { workspaceId: string; actorId: string }): Promise<MyCalendarFeed | null> {
  const [feed] = await db
    .select({ tokenNonce: calendarFeeds.tokenNonce, createdAt: calendarFeeds.createdAt, lastFetchedAt: calendarFeeds.lastFetchedAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.workspaceId, input.workspaceId), eq(calendarFeeds.userId, input.actorId), isNull(calendarFeeds.revokedAt)))
    .limit(1);
  return feed ? { url: feedUrl(feed.tokenNonce), createdAt: feed.createdAt, lastFetchedAt: feed.lastFetchedAt } : null;
}
