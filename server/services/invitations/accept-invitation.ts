import { eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db";
import { invitations, memberships, users } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import { AppError, isUniqueViolation } from "@/server/errors";
import { hashInvitationToken } from "./invitation-token";
import { assertInvitationPending, INVALID_INVITATION } from "./invitation-status";

/** Locks the invitation row so two tabs accepting at once cannot both use it. */
async function claimInvitation(tx: Transaction, token: string) {
  const [invitation] = await tx
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashInvitationToken(token)))
    .for("update");
  if (!invitation) throw new AppError("NOT_FOUND", INVALID_INVITATION);
  assertInvitationPending(invitation);
  return invitation;
}

async function join(tx: Transaction, invitation: { id: string; workspaceId: string; role: "admin" | "manager" | "marketer" | "viewer" }, userId: string) {
  await tx
    .insert(memberships)
    .values({ workspaceId: invitation.workspaceId, userId, role: invitation.role })
    .onConflictDoNothing();
  await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
}

/** A person without an account accepts: their account is created with the invited email. */
export async function acceptInvitationAsNewUser(
  db: Database,
  input: { token: string; name: string; password: string },
): Promise<{ userId: string; email: string; workspaceId: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const invitation = await claimInvitation(tx, input.token);
      const [user] = await tx
        .insert(users)
        .values({ email: invitation.email, name: input.name, passwordHash })
        .returning({ id: users.id });
      await join(tx, invitation, user!.id);
      return { userId: user!.id, email: invitation.email, workspaceId: invitation.workspaceId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "You already have an account with this email. Sign in to accept the invitation.");
    }
    throw error;
  }
}

/** A signed-in person accepts an invitation addressed to their own email. */
export async function acceptInvitationAsUser(
  db: Database,
  input: { token: string; userId: string },
): Promise<{ workspaceId: string }> {
  return db.transaction(async (tx) => {
    const invitation = await claimInvitation(tx, input.token);
    const user = await tx.query.users.findFirst({ where: eq(users.id, input.userId), columns: { email: true } });
    if (user?.email !== invitation.email) {
      throw new AppError(
        "FORBIDDEN",
        `This invitation is for ${invitation.email}. Sign out and sign in with that email to accept it.`,
      );
    }
    await join(tx, invitation, input.userId);
    return { workspaceId: invitation.workspaceId };
  });
}
