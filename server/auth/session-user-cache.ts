import { LRUCache } from "lru-cache";
import type { SessionUser } from "@/server/api/trpc";
import { isSessionCookie } from "./session-cookie";

type DecodedUser = { id?: string | null; email?: string | null; name?: string | null } | null;

// Auth.js reads a session by deriving a key, decrypting the cookie, and then
// encrypting a renewed cookie that a server-side read throws away: about a
// millisecond of CPU on every request. The same cookie value always decodes to
// the same person, so the answer is kept briefly, keyed by that exact value. The
// short life bounds how long a session that was revoked elsewhere (another
// instance) is still honoured here; a revocation in this instance forgets the
// person's entries at once (forgetUser).
export class SessionUserCache {
  private readonly users: LRUCache<string, SessionUser | "signed-out">;
  // When each person was last forgotten, as a count of forgetUser calls, so that a
  // read which began before a revocation does not cache the answer it got before it.
  private readonly forgotten: LRUCache<string, number>;
  private forgets = 0;

  constructor(options: { ttlMs?: number; max?: number } = {}) {
    const ttl = options.ttlMs ?? 30_000;
    this.users = new LRUCache({ max: options.max ?? 10_000, ttl });
    this.forgotten = new LRUCache({ max: options.max ?? 10_000, ttl });
  }

  /** Forgets every cached answer for this person: their next request is decoded and checked afresh. */
  forgetUser(userId: string): void {
    this.forgotten.set(userId, ++this.forgets);
    const stale: string[] = [];
    this.users.forEach((user, key) => {
      if (user !== "signed-out" && user.id === userId) stale.push(key);
    });
    for (const key of stale) this.users.delete(key);
  }

  /** Who the session cookies among `requestCookies` belong to; `decode` (Auth.js) runs only for a value not seen lately. */
  async read(requestCookies: { name: string; value: string }[], decode: () => Promise<DecodedUser>): Promise<SessionUser | null> {
    const sessionCookies = requestCookies.filter((cookie) => isSessionCookie(cookie.name)).sort((a, b) => a.name.localeCompare(b.name));
    if (sessionCookies.length === 0) return null;
    const key = sessionCookies.map((cookie) => `${cookie.name}=${cookie.value}`).join(";");
    const known = this.users.get(key);
    if (known) return known === "signed-out" ? null : known;

    const startedAt = this.forgets;
    const user = await decode();
    const found = user?.id && user.email ? { id: user.id, email: user.email, name: user.name ?? user.email } : null;
    if (!found || (this.forgotten.get(found.id) ?? 0) <= startedAt) this.users.set(key, found ?? "signed-out");
    return found;
  }
}

/** This instance's cache, shared by currentUser() and the code that ends sessions. */
export const sessionUsers = new SessionUserCache();
