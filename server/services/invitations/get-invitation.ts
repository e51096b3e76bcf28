import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { invitations, users } from "@/db/schema";
import { findInvitation } from "./find-invitation";
import { hashInvitationToken } from "./invitation-token";
import { invitationStatus } from "./invitation-status";

/** What the invitation page shows for a link, or null for a link that never existed. */
export async function getInvitationByToken(db: Database, input: { token: string }) {
  const row = await findInvitation(db, eq(invitations.tokenHash, hashInvitationToken(input.token)));
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
