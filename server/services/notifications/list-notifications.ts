import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { notifications } from "@/db/schema";
import type { InstantCursor } from "@/server/services/shared/cursor.schema";
import { instantCursorOf, olderThanCursor } from "@/server/services/shared/instant-cursor-sql";

export const NOTIFICATIONS_PAGE_SIZE = 20;

/** The reader: a member sees only their own notifications. */
type Scope = { workspaceId: string; actorId: string };

const inBell = (scope: Scope) => and(eq(notifications.userId, scope.actorId), eq(notifications.workspaceId, scope.workspaceId), eq(notifications.inApp, true));

/**
 * The member's notifications in this workspace, newest first, a page at a time
 * (from the inbox index); `nextCursor` continues after the last one.
 */
export async function listNotifications(db: Database, input: Scope & { cursor?: InstantCursor; limit?: number }) {
  const limit = input.limit ?? NOTIFICATIONS_PAGE_SIZE;
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      cursor: instantCursorOf(notifications.createdAt, notifications.id),
    })
    .from(notifications)
    .where(and(inBell(input), olderThanCursor(notifications.createdAt, notifications.id, input.cursor)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    notifications: page.map(({ cursor: _cursor, ...notification }) => notification),
    nextCursor: rows.length > limit ? (page.at(-1)?.cursor ?? null) : null,
  };
}

/** How many of the member's notifications in this workspace are unread (from a partial index of just those). */
export async function countUnreadNotifications(db: Database, input: Scope): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(inBell(input), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}
