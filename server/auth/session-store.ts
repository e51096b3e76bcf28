// Server-side sessions: a `sessions` row per sign-in, named by the session
// cookie (server/auth/session-token.ts). A session counts only while its row is
// neither revoked nor past expires_at, which is fixed at sign-in, so renewing the
// cookie cannot stretch a session beyond SESSION_LIFETIME_MS.
import { and, eq, gt, isNotNull, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { sessions } from "@/db/schema";
import { sessionUsers } from "./session-user-cache";

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Records a new sign-in of `userId`; the cookie carries the returned id. The
 * person's ended sessions are cleared out here, so the table holds about one row
 * per device in use rather than one per sign-in ever made.
 */
export async function startSession(db: Database, input: { userId: string; now?: Date }): Promise<{ id: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  await db.delete(sessions).where(and(eq(sessions.userId, input.userId), or(isNotNull(sessions.revokedAt), lte(sessions.expiresAt, sql`now()`))));
  const [row] = await db
    .insert(sessions)
    .values({ userId: input.userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS) })
    .returning({ id: sessions.id, expiresAt: sessions.expiresAt });
  return row!;
}

function prepareLiveCheck(db: Database) {
  return db
    .select({ id: sessions.id })
    .from(sessions)
    .where(
      and(
        eq(sessions.id, sql.placeholder("sessionId")),
        eq(sessions.userId, sql.placeholder("userId")),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
      ),
    )
    .limit(1)
    .prepare("session_is_live");
}

// Asked on every request whose cookie is not in the short read cache, so the query is built once per database.
const liveChecks = new WeakMap<Database, ReturnType<typeof prepareLiveCheck>>();

/** Whether the session is still in force: not signed out, not revoked, not past its absolute end. */
export async function isSessionLive(db: Database, input: { sessionId: string; userId: string }): Promise<boolean> {
  // A malformed id would make PostgreSQL refuse the uuid cast; it is simply not a session.
  if (!UUID.test(input.sessionId) || !UUID.test(input.userId)) return false;
  let check = liveChecks.get(db);
  if (!check) liveChecks.set(db, (check = prepareLiveCheck(db)));
  return (await check.execute(input)).length > 0;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Revokes a person's live sessions, all of them or all but `exceptSessionId`.
 * Safe inside a transaction; call forgetSessions(userId) once it has committed.
 */
export async function revokeSessions(db: Database, input: { userId: string; exceptSessionId?: string }): Promise<number> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(sessions.userId, input.userId),
        isNull(sessions.revokedAt),
        input.exceptSessionId ? ne(sessions.id, input.exceptSessionId) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return revoked.length;
}

/** Drops this instance's cached answers for the person, so the next request checks the database again. */
export function forgetSessions(userId: string): void {
  sessionUsers.forgetUser(userId);
}

/** Ends one session (signing out): revoked in the database and forgotten by this instance at once. */
export async function endSession(db: Database, input: { sessionId: string; userId: string }): Promise<void> {
  if (!UUID.test(input.sessionId) || !UUID.test(input.userId)) return;
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, input.sessionId), eq(sessions.userId, input.userId), isNull(sessions.revokedAt)));
  forgetSessions(input.userId);
}

/** Ends every session of a person ("sign out everywhere"). */
export async function endAllSessions(db: Database, input: { userId: string }): Promise<number> {
  const revoked = await revokeSessions(db, input);
  forgetSessions(input.userId);
  return revoked;
}
