import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { createTeam } from "@/db/factories";
import { eventOutbox, invitations, outboxEmails } from "@/db/schema";
import { test } from "@/db/test-db";
import { deliverInvitationEmails, invitationTokenFromOutbox } from "@/db/test-outbox";
import { snapshotDatabase } from "@/db/test-snapshot";
import { AppError } from "@/server/errors";
import { acceptInvitationAsNewUser } from "./accept-invitation";
import { getInvitationByToken } from "./get-invitation";
import { inviteMember } from "./invite-member";

describe("inviteMember", () => {
  test("writes member/invited to the events outbox with the invitation; the workflow's email carries a link that opens the invitation", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha" });
    const invitation = await inviteMember(db, { workspaceId: team.workspace.id, actorId: team.admin.id, email: "nia@example.test", role: "manager" });
    expect(await db.select({ name: eventOutbox.name, data: eventOutbox.data }).from(eventOutbox)).toEqual([
      { name: "member/invited", data: { workspaceId: team.workspace.id, invitationId: invitation.id } },
    ]);
    expect(await db.select().from(outboxEmails)).toEqual([]);
    await deliverInvitationEmails(db);

    const [email] = await db.select().from(outboxEmails);
    expect(email).toMatchObject({
      workspaceId: team.workspace.id,
      to: "nia@example.test",
      subject: "Admin Alpha invited you to Alpha on Crescendo",
      status: "stored",
    });
    expect(email!.text).toContain("as manager");
    expect(email!.text).toMatch(/http:\/\/crescendo\.test\/invite\/[\w-]{43}\b/);

    expect(await getInvitationByToken(db, { token: await invitationTokenFromOutbox(db, "nia@example.test") })).toEqual({
      email: "nia@example.test",
      role: "manager",
      workspaceName: "Alpha",
      inviterName: "Admin Alpha",
      status: "pending",
      hasAccount: false,
    });
  });

  test("inviting someone with an open invitation says already invited, and the first link keeps working", async ({ db }) => {
    const team = await createTeam(db);
    const input = { workspaceId: team.workspace.id, actorId: team.admin.id, email: "nia@example.test" };
    await inviteMember(db, { ...input, role: "viewer" });
    const firstToken = await invitationTokenFromOutbox(db, "nia@example.test");
    const before = await snapshotDatabase(db);

    const error = await inviteMember(db, { ...input, role: "marketer" }).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: "CONFLICT", fieldErrors: { email: [expect.stringContaining("nia@example.test is already invited")] } });
    expect(await snapshotDatabase(db)).toEqual(before);
    expect(await getInvitationByToken(db, { token: firstToken })).toMatchObject({ role: "viewer", status: "pending" });
  });

  test("inviting again after the invitation expired renews it: new role and link, the old link stops working", async ({ db }) => {
    const team = await createTeam(db);
    const input = { workspaceId: team.workspace.id, actorId: team.admin.id, email: "nia@example.test" };
    const first = await inviteMember(db, { ...input, role: "viewer" });
    const oldToken = await invitationTokenFromOutbox(db, "nia@example.test");
    await db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, first.id));

    const renewed = await inviteMember(db, { ...input, role: "marketer" });
    const newToken = await invitationTokenFromOutbox(db, "nia@example.test");

    expect(renewed.id).toBe(first.id);
    expect(newToken).not.toBe(oldToken);
    expect(await db.select().from(outboxEmails)).toHaveLength(2);
    expect(await getInvitationByToken(db, { token: oldToken })).toBeNull();
    await expect(acceptInvitationAsNewUser(db, { token: oldToken, name: "Nia", password: "a long enough password" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("not valid"),
    });
    expect(await getInvitationByToken(db, { token: newToken })).toMatchObject({ role: "marketer", status: "pending" });
  });

  test("inviting an existing member is a CONFLICT on the email field, and writes nothing", async ({ db }) => {
    const team = await createTeam(db);
    const before = await snapshotDatabase(db);

    const error = await inviteMember(db, {
      workspaceId: team.workspace.id,
      actorId: team.admin.id,
      email: team.marketer.email,
      role: "admin",
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "CONFLICT", fieldErrors: { email: [expect.stringContaining("already a member")] } });
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});
