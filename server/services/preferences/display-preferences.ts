import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { users, workspaces } from "@/db/schema";
import { isKnownTimeZone } from "../date-time";

export interface DisplayPreferences {
  /** The member's own choices; null when not made. */
  timeZone: string | null;
  locale: string | null;
  /** The zone of the workspace they are in, the fallback for both. */
  workspaceTimeZone: string | null;
}

/** What a person chose for how dates are shown to them, beside their workspace's zone: one read per page. */
export async function findDisplayPreferences(db: Database, input: { userId: string; workspaceId: string | null }): Promise<DisplayPreferences> {
  const [user] = await db.select({ timeZone: users.timeZone, locale: users.locale }).from(users).where(eq(users.id, input.userId));
  const [workspace] = input.workspaceId ? await db.select({ timeZone: workspaces.timeZone }).from(workspaces).where(eq(workspaces.id, input.workspaceId)) : [];
  return { timeZone: user?.timeZone ?? null, locale: user?.locale ?? null, workspaceTimeZone: workspace?.timeZone ?? null };
}

/**
 * Keeps the browser's zone as the person's own when they have none yet, so an
 * email or a visit from a browser that has not said its zone still uses theirs.
 * A zone they chose stays. Returns whether it was stored.
 */
export async function rememberTimeZone(db: Database, input: { userId: string; timeZone: string }): Promise<boolean> {
  if (!isKnownTimeZone(input.timeZone)) return false;
  const stored = await db
    .update(users)
    .set({ timeZone: input.timeZone })
    .where(and(eq(users.id, input.userId), isNull(users.timeZone)))
    .returning({ id: users.id });
  return stored.length > 0;
}
