import type { SQL } from "drizzle-orm";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { invitations, users, workspaces } from "@/db/schema";

/** An invitation with the names its page and its email show, or undefined. */
export async function findInvitation(db: Database, where: SQL | undefined) {
  const [row] = await db
    .select({
      email: invitations.email,
      role: invitations.role,
      tokenNonce: invitations.tokenNonce,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      expiresAt: invitations.expiresAt,
      workspaceName: workspaces.name,
      inviterName: users.name,
    })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .innerJoin(users, eq(users.id, invitations.invitedById))
    .where(where)
    .limit(1);
  return row;
}
