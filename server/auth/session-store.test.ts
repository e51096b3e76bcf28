import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db";
import { addMember, createTeam, createUser, createWorkspace } from "@/db/factories";
import { sessions } from "@/db/schema";
import { test } from "@/db/test-db";
import { changePassword } from "@/server/services/accounts/change-password";
import { signOutEverywhere } from "@/server/services/accounts/sign-out-everywhere";
import { verifyCredentials } from "@/server/services/accounts/verify-credentials";
import { removeMember } from "@/server/services/members/remove-member";
import { SESSION_LIFETIME_MS, startSession } from "./session-store";
import { checkSessionToken, endSessionOfToken } from "./session-token";

const DAY_MS = 24 * 60 * 60 * 1000;

/** A sign-in as Auth.js runs it: the jwt callback with the authorized user; the result is what the cookie holds. */
async function signIn(db: Database, userId: string) {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const token = await checkSessionToken(db, { token: { sub: userId, iat: nowSeconds, exp: nowSeconds + 30 * 86400 }, user: { id: userId } });
  expect(token?.sid).toEqual(expect.any(String));
  return token!;
}

/** Whether a later request with this cookie is still signed in (the jwt callback on a reading or renewal). */
async function honoured(db: Database, token: Awaited<ReturnType<typeof signIn>>) {
  return (await checkSessionToken(db, { token })) !== null;
}

describe("sessions", () => {
  test("a session is honoured until it is signed out, and then refused, cookie copies included", async ({ db }) => {
    const user = await createUser(db);
    const token = await signIn(db, user.id);
    expect(await honoured(db, token)).toBe(true);
    expect(await honoured(db, token)).toBe(true);

    await endSessionOfToken(db, token);

    expect(await honoured(db, token)).toBe(false);
    expect(await honoured(db, { ...token })).toBe(false);
  });

  test("signing out one browser leaves the person's other sessions alone", async ({ db }) => {
    const user = await createUser(db);
    const [laptop, phone] = [await signIn(db, user.id), await signIn(db, user.id)];
    await endSessionOfToken(db, laptop);
    expect([await honoured(db, laptop), await honoured(db, phone)]).toEqual([false, true]);
  });

  test("a session past its absolute lifetime is refused even though its JWT is fresh, and renewal does not extend it", async ({ db }) => {
    const user = await createUser(db);
    // Signed in just over 30 days ago; the cookie was renewed a minute ago, so its JWT is fresh.
    const started = await startSession(db, { userId: user.id, now: new Date(Date.now() - SESSION_LIFETIME_MS - 60_000) });
    const nowSeconds = Math.floor(Date.now() / 1000);
    const freshToken = { sub: user.id, sid: started.id, iat: nowSeconds - 60, exp: nowSeconds + 30 * 86400 };

    expect(await honoured(db, freshToken)).toBe(false);

    // A session a day from its end is honoured, and honouring (renewing) it leaves its end where it was.
    const nearEnd = await startSession(db, { userId: user.id, now: new Date(Date.now() - SESSION_LIFETIME_MS + DAY_MS) });
    expect(await honoured(db, { ...freshToken, sid: nearEnd.id })).toBe(true);
    const [row] = await db.select({ expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.id, nearEnd.id));
    expect(row!.expiresAt).toEqual(nearEnd.expiresAt);
  });

  test("a sign-in starts a session that ends 30 days later", async ({ db }) => {
    const user = await createUser(db);
    const before = Date.now();
    const token = await signIn(db, user.id);
    const [row] = await db.select().from(sessions).where(eq(sessions.id, token.sid!));
    expect(row!.userId).toBe(user.id);
    expect(row!.expiresAt.getTime() - before).toBeGreaterThanOrEqual(SESSION_LIFETIME_MS - 1000);
    expect(row!.expiresAt.getTime() - before).toBeLessThanOrEqual(SESSION_LIFETIME_MS + 5000);
  });

  test("a sign-in clears out the person's ended sessions and keeps their live ones", async ({ db }) => {
    const [ada, bob] = [await createUser(db), await createUser(db)];
    const signedOut = await signIn(db, ada.id);
    await endSessionOfToken(db, signedOut);
    await startSession(db, { userId: ada.id, now: new Date(Date.now() - SESSION_LIFETIME_MS - 1000) });
    const live = await signIn(db, ada.id);
    const bobEnded = await signIn(db, bob.id);
    await endSessionOfToken(db, bobEnded);

    const latest = await signIn(db, ada.id);

    const rows = await db.select({ id: sessions.id }).from(sessions);
    expect(rows.map((row) => row.id).sort()).toEqual([live.sid, latest.sid, bobEnded.sid].sort());
  });

  test("a cookie without a session id, or naming another person's session, or a malformed one, is refused", async ({ db }) => {
    const [ada, bob] = [await createUser(db), await createUser(db)];
    const adaToken = await signIn(db, ada.id);
    expect(await honoured(db, { sub: ada.id })).toBe(false);
    expect(await honoured(db, { sub: bob.id, sid: adaToken.sid })).toBe(false);
    expect(await honoured(db, { sub: ada.id, sid: "not-a-uuid" })).toBe(false);
  });

  test("sign out everywhere ends every session of the person and no one else's", async ({ db }) => {
    const [ada, bob] = [await createUser(db), await createUser(db)];
    const adaSessions = [await signIn(db, ada.id), await signIn(db, ada.id), await signIn(db, ada.id)];
    const bobSession = await signIn(db, bob.id);

    expect(await signOutEverywhere(db, { userId: ada.id })).toEqual({ endedSessions: 3 });

    for (const token of adaSessions) expect(await honoured(db, token)).toBe(false);
    expect(await honoured(db, bobSession)).toBe(true);
  });

  test("changing the password ends the person's sessions; the new password signs in and the old one does not", async ({ db }) => {
    const user = await createUser(db, { password: "the old password" });
    const [here, elsewhere] = [await signIn(db, user.id), await signIn(db, user.id)];

    await changePassword(db, { userId: user.id, currentPassword: "the old password", newPassword: "a brand new password" });

    expect([await honoured(db, here), await honoured(db, elsewhere)]).toEqual([false, false]);
    expect(await verifyCredentials(db, { email: user.email, password: "the old password" })).toBeNull();
    expect(await verifyCredentials(db, { email: user.email, password: "a brand new password" })).toMatchObject({ id: user.id });
  });

  test("a wrong current password changes nothing and ends no session", async ({ db }) => {
    const user = await createUser(db, { password: "the old password" });
    const token = await signIn(db, user.id);

    const error = await changePassword(db, { userId: user.id, currentPassword: "a guess", newPassword: "a brand new password" }).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { currentPassword: [expect.stringContaining("not your current password")] } });
    expect(await honoured(db, token)).toBe(true);
    expect(await verifyCredentials(db, { email: user.email, password: "the old password" })).toMatchObject({ id: user.id });
  });

  test("removing a member ends that person's sessions, and only theirs", async ({ db }) => {
    const team = await createTeam(db);
    // The marketer also belongs to another workspace: their sessions end all the same.
    await addMember(db, { workspaceId: (await createWorkspace(db)).id, userId: team.marketer.id, role: "admin" });
    const removed = await signIn(db, team.marketer.id);
    const stays = await signIn(db, team.viewer.id);

    await removeMember(db, { workspaceId: team.workspace.id, actorId: team.admin.id, userId: team.marketer.id });

    expect(await honoured(db, removed)).toBe(false);
    expect(await honoured(db, stays)).toBe(true);
  });

  test("a refused removal (the last admin) ends no session", async ({ db }) => {
    const team = await createTeam(db);
    const token = await signIn(db, team.admin.id);
    await expect(removeMember(db, { workspaceId: team.workspace.id, actorId: team.admin.id, userId: team.admin.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await honoured(db, token)).toBe(true);
  });
});
