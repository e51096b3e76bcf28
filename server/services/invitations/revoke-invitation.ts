import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { invitations } from "@/db/schema";
import { AppError } from "@/server/errors";

/** Withdraws an open invitation; its link stops working. */
export async function revokeInvitation(db: Database, input: { workspaceId: string; invitationId: string }) {
  const [row] = await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.id, input.invitationId),
        eq(invitations.workspaceId, input.workspaceId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  if (!row) throw new AppError("NOT_FOUND", "That invitation is not open any more.");
  return row;
}
