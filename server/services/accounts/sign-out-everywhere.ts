import type { Database } from "@/db";
import { endAllSessions } from "@/server/auth/session-store";

/** Ends every session the person has, on every device; their next request anywhere is signed out. */
export async function signOutEverywhere(db: Database, input: { userId: string }): Promise<{ endedSessions: number }> {
  return { endedSessions: await endAllSessions(db, input) };
}
