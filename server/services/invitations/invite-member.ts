import { and, eq, lte, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { invitations, memberships, users } from "@/db/schema";
import type { MemberRole } from "@/db/schema/workspaces";
import { memberInvited } from "@/inngest/events";
import { enqueueEvents } from "@/inngest/outbox/enqueue-events";
import { fieldError } from "@/server/errors";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { INVITATION_LIFETIME_MS, newInvitationToken } from "./invitation-token";

/**
 * Invites a person by email. Someone with an open invitation is refused as
 * already invited (a new link would silently kill the one they may have just
 * opened; resend-invitation sends the same link again); an expired invitation is
 * renewed (new link, new role, new expiry).
 * The email goes out from a workflow (send-invitation-email), whose event is written with the invitation.
 * The actor must still be an admin when it happens (checked under lock).
 */
export async function inviteMember(db: Database, input: { workspaceId: string; actorId: string; email: string; role: MemberRole }) {
  const { tokenHash, tokenNonce } = newInvitationToken();
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);

  const invitation = await transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "admin");
    const [existing] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, input.workspaceId), eq(users.email, input.email)))
      .limit(1);
    if (existing) throw fieldError("email", `${input.email} is already a member of this workspace.`, "CONFLICT");

    const [row] = await tx
      .insert(invitations)
      .values({ ...input, invitedById: input.actorId, tokenHash, tokenNonce, expiresAt })
      .onConflictDoUpdate({
        target: [invitations.workspaceId, invitations.email],
        targetWhere: sql`${invitations.acceptedAt} is null and ${invitations.revokedAt} is null`,
        set: { role: input.role, tokenHash, tokenNonce, invitedById: input.actorId, expiresAt, createdAt: new Date() },
        // Only an expired invitation is renewed; a live one is left as it is (no row comes back).
        setWhere: lte(invitations.expiresAt, sql`now()`),
      })
      .returning({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt });
    if (!row) throw alreadyInvited(input.email);
    await enqueueEvents(tx, [memberInvited.create({ workspaceId: input.workspaceId, invitationId: row.id }, { id: `member-invited-${tokenHash.slice(0, 24)}` })]);
    return row;
  });
  return invitation;
}

function alreadyInvited(email: string) {
  return fieldError("email", `${email} is already invited. Resend the invitation to email the same link again.`, "CONFLICT");
}
