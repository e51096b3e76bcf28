import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db";
import { memberships } from "@/db/schema";
import { AppError } from "@/server/errors";

/**
 * Refuses a change that would leave the workspace without an admin. Locks every
 * admin row of the workspace, the target's included: two admins demoting each
 * other at once then queue on the same rows instead of deadlocking, and the
 * second sees the first's change and is refused.
 */
export async function assertAnotherAdminRemains(tx: Transaction, input: { workspaceId: string; userId: string }) {
  const admins = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.role, "admin")))
    .for("update");
  if (!admins.some((admin) => admin.userId !== input.userId)) {
    throw new AppError("CONFLICT", "A workspace needs at least one admin. Make someone else an admin first.");
  }
}
