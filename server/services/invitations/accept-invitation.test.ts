import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db";
import { createTeam, createUser } from "@/db/factories";
import { invitations, memberships } from "@/db/schema";
import type { MemberRole } from "@/db/schema/workspaces";
import { test } from "@/db/test-db";
import { invitationTokenFromOutbox } from "@/db/test-outbox";
import { snapshotDatabase } from "@/db/test-snapshot";
import { verifyCredentials } from "@/server/services/accounts/verify-credentials";
import { acceptInvitationAsNewUser, acceptInvitationAsUser } from "./accept-invitation";
import { getInvitationByToken } from "./get-invitation";
import { inviteMember } from "./invite-member";
import { revokeInvitation } from "./revoke-invitation";

const PASSWORD = "a long enough password";

/** A team whose admin has invited `email`; returns the token from the email's link. */
async function invited(db: Database, email: string, role: MemberRole = "marketer") {
  const team = await createTeam(db, { name: "Alpha" });
  const invitation = await inviteMember(db, { workspaceId: team.workspace.id, actorId: team.admin.id, email, role });
  return { team, invitation, token: await invitationTokenFromOutbox(db, email) };
}

async function roleIn(db: Database, workspaceId: string, userId: string) {
  const row = await db.query.memberships.findFirst({
    where: and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)),
  });
  return row?.role ?? null;
}

describe("acceptInvitationAsNewUser", () => {
  test("creates the account with the invited email and joins the workspace in the invited role", async ({ db }) => {
    const { team, token } = await invited(db, "nia@example.test", "manager");

    const accepted = await acceptInvitationAsNewUser(db, { token, name: "Nia Long", password: PASSWORD });

    expect(accepted).toMatchObject({ email: "nia@example.test", workspaceId: team.workspace.id });
    expect(await roleIn(db, team.workspace.id, accepted.userId)).toBe("manager");
    expect(await verifyCredentials(db, { email: "nia@example.test", password: PASSWORD })).toMatchObject({ id: accepted.userId, name: "Nia Long" });
    expect(await getInvitationByToken(db, { token })).toMatchObject({ status: "accepted", hasAccount: true });
  });

  test("a link that was used already says so (CONFLICT) and changes nothing", async ({ db }) => {
    const { token } = await invited(db, "nia@example.test");
    await acceptInvitationAsNewUser(db, { token, name: "Nia", password: PASSWORD });
    const before = await snapshotDatabase(db);

    await expect(acceptInvitationAsNewUser(db, { token, name: "Someone Else", password: PASSWORD })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already been used"),
    });
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("an expired invitation says it expired, and no account is created", async ({ db }) => {
    const { invitation, token } = await invited(db, "nia@example.test");
    await db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, invitation.id));
    const before = await snapshotDatabase(db);

    await expect(acceptInvitationAsNewUser(db, { token, name: "Nia", password: PASSWORD })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("expired"),
    });
    expect(await getInvitationByToken(db, { token })).toMatchObject({ status: "expired" });
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("a revoked invitation says it was withdrawn, and no account is created", async ({ db }) => {
    const { team, invitation, token } = await invited(db, "nia@example.test");
    await revokeInvitation(db, { workspaceId: team.workspace.id, actorId: team.admin.id, invitationId: invitation.id });
    const before = await snapshotDatabase(db);

    await expect(acceptInvitationAsNewUser(db, { token, name: "Nia", password: PASSWORD })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("withdrawn"),
    });
    expect(await getInvitationByToken(db, { token })).toMatchObject({ status: "revoked" });
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("someone who already has an account is told to sign in (CONFLICT), and the invitation stays open", async ({ db }) => {
    await createUser(db, { email: "nia@example.test" });
    const { token } = await invited(db, "nia@example.test");

    await expect(acceptInvitationAsNewUser(db, { token, name: "Nia", password: PASSWORD })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Sign in"),
    });
    expect(await getInvitationByToken(db, { token })).toMatchObject({ status: "pending", hasAccount: true });
  });

  test("a made-up token is NOT_FOUND", async ({ db }) => {
    await invited(db, "nia@example.test");
    await expect(acceptInvitationAsNewUser(db, { token: "x".repeat(43), name: "Nia", password: PASSWORD })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await getInvitationByToken(db, { token: "x".repeat(43) })).toBeNull();
  });
});

describe("acceptInvitationAsUser", () => {
  test("a signed-in person with the invited email joins in the invited role", async ({ db }) => {
    const nia = await createUser(db, { email: "nia@example.test" });
    const { team, token } = await invited(db, "nia@example.test", "viewer");

    expect(await acceptInvitationAsUser(db, { token, userId: nia.id })).toEqual({ workspaceId: team.workspace.id });
    expect(await roleIn(db, team.workspace.id, nia.id)).toBe("viewer");
    expect(await getInvitationByToken(db, { token })).toMatchObject({ status: "accepted" });
  });

  test("a signed-in person with another email is FORBIDDEN, and the invitation stays open", async ({ db }) => {
    const intruder = await createUser(db, { email: "intruder@example.test" });
    const { team, token } = await invited(db, "nia@example.test");
    const before = await snapshotDatabase(db);

    await expect(acceptInvitationAsUser(db, { token, userId: intruder.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("nia@example.test"),
    });
    expect(await roleIn(db, team.workspace.id, intruder.id)).toBeNull();
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});
