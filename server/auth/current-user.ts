import "server-only";
import { cookies } from "next/headers";
import { auth } from "./index";
import { SessionUserCache } from "./session-user-cache";

const sessions = new SessionUserCache();

/** The signed-in person, or null: Auth.js's reading of the session cookie, cached by its value (see SessionUserCache). */
export async function currentUser() {
  return sessions.read((await cookies()).getAll(), async () => (await auth())?.user ?? null);
}
