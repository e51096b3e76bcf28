import { LRUCache } from "lru-cache";
import type { SessionUser } from "@/server/api/trpc";
import { isSessionCookie } from "./session-cookie";

type DecodedUser = { id?: string | null; email?: string | null; name?: string | null } | null;

// Auth.js reads a session by deriving a key, decrypting the cookie, and then
// encrypting a renewed cookie that a server-side read throws away: about a
// millisecond of CPU on every request. The same cookie value always decodes to
// the same person, so the answer is kept briefly, keyed by that exact value. The
// short life bounds how long a token that has just expired is still honoured;
// signing out removes the cookie, so nothing else can reuse the entry.
export class SessionUserCache {
  private readonly users: LRUCache<string, SessionUser | "signed-out">;

  constructor(options: { ttlMs?: number; max?: number } = {}) {
    this.users = new LRUCache({ max: options.max ?? 10_000, ttl: options.ttlMs ?? 30_000 });
  }

  /** Who the session cookies among `requestCookies` belong to; `decode` (Auth.js) runs only for a value not seen lately. */
  async read(requestCookies: { name: string; value: string }[], decode: () => Promise<DecodedUser>): Promise<SessionUser | null> {
    const sessionCookies = requestCookies.filter((cookie) => isSessionCookie(cookie.name)).sort((a, b) => a.name.localeCompare(b.name));
    if (sessionCookies.length === 0) return null;
    const key = sessionCookies.map((cookie) => `${cookie.name}=${cookie.value}`).join(";");
    const known = this.users.get(key);
    if (known) return known === "signed-out" ? null : known;

    const user = await decode();
    const found = user?.id && user.email ? { id: user.id, email: user.email, name: user.name ?? user.email } : null;
    this.users.set(key, found ?? "signed-out");
    return found;
  }
}
