import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Transaction } from "@/db";
import { memberships } from "@/db/schema";
import type { MemberRole } from "@/db/schema/workspaces";
import { AppError } from "@/server/errors";

type LockedMember = { userId: string; role: MemberRole };

/**
 * Locks, in user id order, the memberships a change to `userId` by `actorId`
 * depends on: the actor's, the target's and every admin's. One statement in one
 * order, so two admins changing each other at once queue instead of
 * deadlocking, and each then decides on the other's committed change. Refuses
 * (FORBIDDEN) an actor who is no longer an admin: the role the request started
 * with may have been taken away since. Returns the target's membership (none
 * when they are not a member) and the admins.
 */
export async function lockMembersForChange(
  tx: Transaction,
  input: { workspaceId: string; actorId: string; userId: string },
): Promise<{ target: LockedMember | undefined; admins: LockedMember[] }> {
  const rows = await tx
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.workspaceId, input.workspaceId),
        or(inArray(memberships.userId, [input.actorId, input.userId]), eq(memberships.role, "admin")),
      ),
    )
    .orderBy(asc(memberships.userId))
    .for("update");
  if (rows.find((row) => row.userId === input.actorId)?.role !== "admin") {
    throw new AppError("FORBIDDEN", "Only workspace admins can do this.");
  }
  return { target: rows.find((row) => row.userId === input.userId), admins: rows.filter((row) => row.role === "admin") };
}

/** Refuses a change that would leave the workspace without an admin (`admins` as locked by lockMembersForChange). */
export function assertAnotherAdminRemains(admins: LockedMember[], userId: string): void {
  if (!admins.some((admin) => admin.userId !== userId)) {
    throw new AppError("CONFLICT", "A workspace needs at least one admin. Make someone else an admin first.");
  }
}
