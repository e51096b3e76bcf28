import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { createTeam } from "@/db/factories";
import { invitations, outboxEmails } from "@/db/schema";
import { test } from "@/db/test-db";
import { invitationTokenFromOutbox } from "@/db/test-outbox";
import { snapshotDatabase } from "@/db/test-snapshot";
import { getInvitationByToken } from "./get-invitation";
import { inviteMember } from "./invite-member";
import { resendInvitation } from "./resend-invitation";

const requestId = "0b7a5a52-3c1f-4f0e-8d4c-6f1e2a3b4c5d";

async function invited(db: Parameters<typeof inviteMember>[0]) {
  const team = await createTeam(db, { name: "Alpha" });
  const invitation = await inviteMember(db, { workspaceId: team.workspace.id, actorId: team.admin.id, email: "nia@example.test", role: "manager" });
  const token = await invitationTokenFromOutbox(db, "nia@example.test");
  return { team, invitation, token };
}

describe("resendInvitation", () => {
  test("emails the same link again, and the link still opens the invitation", async ({ db }) => {
    const { team, invitation, token } = await invited(db);

    const result = await resendInvitation(db, { workspaceId: team.workspace.id, invitationId: invitation.id, requestId });

    expect(result).toEqual({ id: invitation.id, email: "nia@example.test" });
    const emails = await db.select().from(outboxEmails).where(eq(outboxEmails.to, "nia@example.test"));
    expect(emails).toHaveLength(2);
    expect(emails.map((email) => email.text.match(/\/invite\/([\w-]+)/)?.[1])).toEqual([token, token]);
    expect(await getInvitationByToken(db, { token })).toMatchObject({ status: "pending", role: "manager" });
  });

  test("the same request sent twice sends one email; a second press sends another", async ({ db }) => {
    const { team, invitation } = await invited(db);
    const input = { workspaceId: team.workspace.id, invitationId: invitation.id, requestId };

    await resendInvitation(db, input);
    await resendInvitation(db, input);
    expect(await db.select().from(outboxEmails)).toHaveLength(2);

    await resendInvitation(db, { ...input, requestId: "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a" });
    expect(await db.select().from(outboxEmails)).toHaveLength(3);
  });

  test("an expired, withdrawn or foreign invitation is refused and nothing is sent", async ({ db }) => {
    const { team, invitation } = await invited(db);
    const other = await createTeam(db, { name: "Beta" });
    const before = await snapshotDatabase(db);

    await expect(resendInvitation(db, { workspaceId: other.workspace.id, invitationId: invitation.id, requestId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshotDatabase(db)).toEqual(before);

    await db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, invitation.id));
    await expect(resendInvitation(db, { workspaceId: team.workspace.id, invitationId: invitation.id, requestId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("expired"),
    });
    await db.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, invitation.id));
    await expect(resendInvitation(db, { workspaceId: team.workspace.id, invitationId: invitation.id, requestId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("withdrawn"),
    });
    expect(await db.select().from(outboxEmails)).toHaveLength(1);
  });
});
