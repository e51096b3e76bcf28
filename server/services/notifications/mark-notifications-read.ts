import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { notifications } from "@/db/schema";
import { publishChange } from "@/server/realtime/publish-change";
import { AppError } from "@/server/errors";

type Scope = { workspaceId: string; actorId: string };

/**
 * Marks one of the member's own notifications read (again is fine: it keeps the
 * first time). Anyone else's, or one that does not exist, is NOT_FOUND and
 * nothing changes: the WHERE names the reader.
 */
export async function markNotificationRead(db: Database, input: Scope & { notificationId: string }) {
  const mine = and(eq(notifications.id, input.notificationId), eq(notifications.workspaceId, input.workspaceId), eq(notifications.userId, input.actorId));
  const [marked] = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine, isNull(notifications.readAt)))
    .returning({ id: notifications.id, readAt: notifications.readAt });
  if (marked) {
    await announce(db, input);
    return marked;
  }
  const [existing] = await db.select({ id: notifications.id, readAt: notifications.readAt }).from(notifications).where(mine);
  if (!existing) throw new AppError("NOT_FOUND", "That notification is not one of yours. It may have been removed with its task.");
  return existing;
}

/** Marks every unread notification of the member in this workspace read; returns how many. */
export async function markAllNotificationsRead(db: Database, input: Scope) {
  const marked = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.workspaceId, input.workspaceId), eq(notifications.userId, input.actorId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (marked.length > 0) await announce(db, input);
  return { marked: marked.length };
}

// The member's other tabs and devices update their bell. Outside a transaction the NOTIFY goes at once, after the update.
async function announce(db: Database, input: Scope) {
  await publishChange(db, { workspaceId: input.workspaceId, topic: "notifications", ids: [input.actorId], actorId: input.actorId });
}
