import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { invitations } from "@/db/schema";
import { AppError } from "@/server/errors";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";

/** Withdraws an open invitation; its link stops working. The actor must still be an admin (checked under lock). */
export async function revokeInvitation(db: Database, input: { workspaceId: string; actorId: string; invitationId: string }) {
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "admin");
    const [row] = await tx
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
  });
}
