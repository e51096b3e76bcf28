import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { invitations, users, workspaces } from "@/db/schema";
import { hashInvitationToken } from "./invitation-token";
import { invitationStatus } from "./invitation-status";

/** What the invitation page shows for a link, or null for a link that never existed. */
export async function getInvitationByToken(db: Database, input: { token: string }) {
  const [row] = await db
    .select({
      email: invitations.email,
      role: invitations.role,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      expiresAt: invitations.expiresAt,
      workspaceName: workspaces.name,
      inviterName: users.name,
    })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .innerJoin(users, eq(users.id, invitations.invitedById))
    .where(eq(invitations.tokenHash, hashInvitationToken(input.token)))
    .limit(1);
  if (!row) return null;
  const account = await db.query.users.findFirst({ where: eq(users.email, row.email), columns: { id: true } });
  return {
    email: row.email,
    role: row.role,
    workspaceName: row.workspaceName,
    inviterName: row.inviterName,
    status: invitationStatus(row),
    hasAccount: Boolean(account),
  };
}
