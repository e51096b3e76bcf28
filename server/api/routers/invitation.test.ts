import { eq } from "drizzle-orm";
import { deliverInvitationEmails } from "@/db/test-outbox";
import { describe, expect } from "vitest";
import { createTeam } from "@/db/factories";
import { invitations } from "@/db/schema";
import { callError, callerFor, fieldErrorsOf } from "@/server/api/test-caller";
import { test } from "@/db/test-db";
import { snapshotDatabase } from "@/db/test-snapshot";

describe("invitation router", () => {
  test("create: invites by email (normalised), lists it, and the invitation workflow emails it", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha" });
    const admin = await callerFor(db, team.admin);

    const invitation = await admin.invitation.create({ email: "  New.Person@Example.TEST ", role: "marketer" });

    expect(invitation).toMatchObject({ email: "new.person@example.test", role: "marketer" });
    expect(await admin.invitation.list()).toEqual([
      expect.objectContaining({ id: invitation.id, email: "new.person@example.test", role: "marketer", invitedBy: "Admin Alpha", expired: false }),
    ]);
    await deliverInvitationEmails(db);
    expect(await admin.outbox.list()).toEqual([
      expect.objectContaining({ to: "new.person@example.test", subject: "Admin Alpha invited you to Alpha on Crescendo", status: "stored" }),
    ]);
  });

  test("create: a malformed email or unknown role is BAD_REQUEST with field errors, and nothing is written", async ({ db }) => {
    const team = await createTeam(db);
    const admin = await callerFor(db, team.admin);
    const before = await snapshotDatabase(db);

    const badEmail = await callError(admin.invitation.create({ email: "not an email", role: "viewer" }));
    expect(badEmail.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(badEmail)).toEqual({ email: ["Enter a valid email address, like name@company.com"] });

    // @ts-expect-error: "boss" is not a role; a hand-made request can still send it.
    const badRole = await callError(admin.invitation.create({ email: "ok@example.test", role: "boss" }));
    expect(fieldErrorsOf(badRole)).toEqual({ role: [expect.stringContaining("Choose one of")] });

    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("create: inviting someone who is already a member is a CONFLICT on the email field", async ({ db }) => {
    const team = await createTeam(db);
    const admin = await callerFor(db, team.admin);
    const before = await snapshotDatabase(db);

    const error = await callError(admin.invitation.create({ email: team.viewer.email, role: "admin" }));

    expect(error.code).toBe("CONFLICT");
    expect(fieldErrorsOf(error)).toEqual({ email: [`${team.viewer.email} is already a member of this workspace.`] });
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("revoke: the invitation leaves the list; revoking it again is NOT_FOUND", async ({ db }) => {
    const team = await createTeam(db);
    const admin = await callerFor(db, team.admin);
    const kept = await admin.invitation.create({ email: "kept@example.test", role: "viewer" });
    const withdrawn = await admin.invitation.create({ email: "withdrawn@example.test", role: "viewer" });

    expect(await admin.invitation.revoke({ invitationId: withdrawn.id })).toEqual({ id: withdrawn.id });

    expect((await admin.invitation.list()).map((i) => i.id)).toEqual([kept.id]);
    expect((await callError(admin.invitation.revoke({ invitationId: withdrawn.id }))).code).toBe("NOT_FOUND");
  });

  test("revoke: a malformed id is BAD_REQUEST on the invitationId field", async ({ db }) => {
    const team = await createTeam(db);
    const error = await callError((await callerFor(db, team.admin)).invitation.revoke({ invitationId: "123" }));
    expect([error.code, fieldErrorsOf(error)]).toEqual(["BAD_REQUEST", { invitationId: ["Choose an invitation"] }]);
  });

  test("list: marks invitations past their expiry as expired", async ({ db }) => {
    const team = await createTeam(db);
    const admin = await callerFor(db, team.admin);
    const invitation = await admin.invitation.create({ email: "late@example.test", role: "viewer" });
    await db.update(invitations).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(invitations.id, invitation.id));

    expect(await admin.invitation.list()).toEqual([expect.objectContaining({ id: invitation.id, expired: true })]);
  });
});
