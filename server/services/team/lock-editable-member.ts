import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db";
import { memberships } from "@/db/schema";
import { hasRole } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { assertActorRole } from "@/server/services/members/assert-actor-role";

/**
 * Decides, inside the caller's transaction, whether the actor may change
 * `userId`'s profile or time off: managers and admins anyone's, a marketer only
 * their own, a viewer nothing. The actor's role is re-read under a share lock
 * (a demotion landing meanwhile is honoured), then the target's membership is
 * locked for the change, so two edits of one profile queue. NOT_FOUND when the
 * target is not a member of this workspace. Returns the target's locked row.
 */
export async function lockEditableMember(tx: Transaction, input: { workspaceId: string; actorId: string; userId: string }) {
  const role = await assertActorRole(tx, input, "marketer");
  if (input.userId !== input.actorId && !hasRole(role, "manager")) {
    throw new AppError("FORBIDDEN", "Only managers and admins can change someone else's profile or time off.");
  }
  const [target] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, input.userId)))
    .for("update");
  if (!target) throw new AppError("NOT_FOUND", "That person is not a member of this workspace.");
  return target;
}
