import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { invitations, users } from "@/db/schema";

/** Open invitations (neither accepted nor withdrawn), newest first; expired ones say so. */
export async function listInvitations(db: Database, input: { workspaceId: string }) {
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      invitedBy: users.name,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedById))
    .where(
      and(eq(invitations.workspaceId, input.workspaceId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
    )
    .orderBy(desc(invitations.createdAt))
    .limit(500);
  const now = Date.now();
  return rows.map((row) => ({ ...row, expired: row.expiresAt.getTime() <= now }));
}
