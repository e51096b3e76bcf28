import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { memberships } from "@/db/schema";
import { forgetSessions, revokeSessions } from "@/server/auth/session-store";
import { AppError } from "@/server/errors";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { assertAnotherAdminRemains, lockMembersForChange } from "./assert-admin-remains";

/**
 * Takes a person out of the workspace; their account and other workspaces stay.
 * The actor must still be an admin. The person's sessions end (every device signs
 * in again), so no page or request already open in this workspace goes on working.
 */
export async function removeMember(db: Database, input: { workspaceId: string; actorId: string; userId: string }): Promise<void> {
  await transactionWithRetry(db, async (tx) => {
    const { target, admins } = await lockMembersForChange(tx, input);
    if (!target) throw new AppError("NOT_FOUND", "That person is not a member of this workspace.");
    if (target.role === "admin") assertAnotherAdminRemains(admins, input.userId);
    await tx
      .delete(memberships)
      .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, input.userId)));
    await revokeSessions(tx, { userId: input.userId });
  });
  forgetSessions(input.userId);
}
