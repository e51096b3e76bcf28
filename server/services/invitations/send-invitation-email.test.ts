import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { createTeam } from "@/db/factories";
import { invitations, outboxEmails, users, workspaces } from "@/db/schema";
import { test } from "@/db/test-db";
import { inviteMember } from "./invite-member";
import { sendInvitationEmail } from "./send-invitation-email";

describe("sendInvitationEmail", () => {
  test("writes the expiry in the workspace's zone and the inviter's locale, as the app writes dates", async ({ db }) => {
    const team = await createTeam(db);
    await db.update(workspaces).set({ timeZone: "America/Los_Angeles" }).where(eq(workspaces.id, team.workspace.id));
    await db.update(users).set({ locale: "de-DE" }).where(eq(users.id, team.admin.id));
    const { id } = await inviteMember(db, { workspaceId: team.workspace.id, actorId: team.admin.id, email: "new@example.test", role: "marketer" });
    await db.update(invitations).set({ expiresAt: new Date("2026-12-13T12:00:00Z") }).where(eq(invitations.id, id));

    await sendInvitationEmail(db, { workspaceId: team.workspace.id, invitationId: id });

    const [email] = await db.select().from(outboxEmails).where(eq(outboxEmails.to, "new@example.test"));
    expect(email?.text).toContain("The link works once and expires on So., 13. Dez. 2026, 04:00 PST.");
  });

  test("falls back to the workspace's zone and the default locale", async ({ db }) => {
    const team = await createTeam(db);
    await db.update(workspaces).set({ timeZone: "Europe/Berlin" }).where(eq(workspaces.id, team.workspace.id));
    const { id } = await inviteMember(db, { workspaceId: team.workspace.id, actorId: team.admin.id, email: "other@example.test", role: "viewer" });
    await db.update(invitations).set({ expiresAt: new Date("2027-07-01T16:00:00Z") }).where(eq(invitations.id, id));

    expect(await sendInvitationEmail(db, { workspaceId: team.workspace.id, invitationId: id })).toEqual({ sent: true });

    const [email] = await db.select().from(outboxEmails).where(eq(outboxEmails.to, "other@example.test"));
    expect(email?.text).toContain("expires on Thu, Jul 1, 2027, 6:00 PM GMT+2.");
  });
});
