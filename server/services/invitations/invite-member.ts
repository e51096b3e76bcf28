import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { invitations, memberships, users, workspaces } from "@/db/schema";
import type { MemberRole } from "@/db/schema/workspaces";
import { appUrl } from "@/server/env";
import { AppError, fieldError } from "@/server/errors";
import { type MailOptions, sendMail } from "../mail/send-mail";
import { INVITATION_LIFETIME_MS, newInvitationToken } from "./invitation-token";

/**
 * Invites a person by email. Inviting someone who already has an open invitation
 * renews it (new link, new role, new expiry) and the old link stops working.
 * The email goes out after the invitation is committed.
 */
export async function inviteMember(
  db: Database,
  input: { workspaceId: string; actorId: string; email: string; role: MemberRole },
  mail: MailOptions = {},
) {
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);

  const invitation = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, input.workspaceId), eq(users.email, input.email)))
      .limit(1);
    if (existing) throw fieldError("email", `${input.email} is already a member of this workspace.`, "CONFLICT");

    const [row] = await tx
      .insert(invitations)
      .values({ ...input, invitedById: input.actorId, tokenHash, expiresAt })
      .onConflictDoUpdate({
        target: [invitations.workspaceId, invitations.email],
        targetWhere: sql`${invitations.acceptedAt} is null and ${invitations.revokedAt} is null`,
        set: { role: input.role, tokenHash, invitedById: input.actorId, expiresAt, createdAt: new Date() },
      })
      .returning({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt });

    const [context] = await tx
      .select({ workspaceName: workspaces.name, inviterName: users.name })
      .from(workspaces)
      .innerJoin(users, eq(users.id, input.actorId))
      .where(eq(workspaces.id, input.workspaceId));
    if (!row || !context) throw new AppError("NOT_FOUND", "This workspace no longer exists.");
    return { ...row, ...context };
  });

  const link = `${appUrl()}/invite/${token}`;
  await sendMail(
    db,
    {
      workspaceId: input.workspaceId,
      to: invitation.email,
      subject: `${invitation.inviterName} invited you to ${invitation.workspaceName} on Crescendo`,
      text: [
        `Hello,`,
        ``,
        `${invitation.inviterName} invited you to join ${invitation.workspaceName} on Crescendo as ${invitation.role}.`,
        ``,
        `Accept the invitation: ${link}`,
        ``,
        `The link works once and expires on ${invitation.expiresAt.toUTCString()}.`,
      ].join("\n"),
      idempotencyKey: `invitation:${invitation.id}:${tokenHash.slice(0, 16)}`,
    },
    mail,
  );
  return { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt };
}
