import "server-only";
import { cookies } from "next/headers";
import { auth } from "./index";
import { sessionUsers } from "./session-user-cache";

/**
 * The signed-in person, or null: Auth.js's reading of the session cookie (which
 * checks the session's row, server/auth/session-token.ts), cached by its value
 * for a few seconds (see SessionUserCache).
 */
export async function currentUser() {
  return sessionUsers.read((await cookies()).getAll(), async () => (await auth())?.user ?? null);
}
