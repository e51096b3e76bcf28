// What the session cookie (an Auth.js JWT) must carry to count: the id of a live
// `sessions` row. Auth.js runs its jwt callback at sign-in and on every reading of
// the cookie, renewals at /api/auth/session included; returning null there makes
// Auth.js treat the request as signed out and clear the cookie.
import type { JWT } from "next-auth/jwt";
import type { Database } from "@/db";
import { endSession, isSessionLive, startSession } from "./session-store";

declare module "@auth/core/jwt" {
  interface JWT {
    /** The `sessions` row this cookie belongs to. */
    sid?: string;
  }
}

/** Auth.js's jwt callback: opens a session row at sign-in, and afterwards honours the token only while that row is live. */
export async function checkSessionToken(db: Database, input: { token: JWT; user?: { id?: string } }): Promise<JWT | null> {
  if (input.user?.id) {
    const session = await startSession(db, { userId: input.user.id });
    return { ...input.token, sub: input.user.id, sid: session.id };
  }
  const { sid, sub } = input.token;
  // Cookies made before sessions were stored carry no id: they end here, and their owner signs in again.
  if (!sid || !sub) return null;
  return (await isSessionLive(db, { sessionId: sid, userId: sub })) ? input.token : null;
}

/** Auth.js's signOut event: the cookie is being cleared; its session ends for any copy of it too. */
export async function endSessionOfToken(db: Database, token: JWT | null): Promise<void> {
  if (token?.sid && token.sub) await endSession(db, { sessionId: token.sid, userId: token.sub });
}
