import { and, eq, ne } from "drizzle-orm";
import type { Transaction } from "@/db";
import { memberships } from "@/db/schema";
import { AppError } from "@/server/errors";

/**
 * Refuses a change that would leave the workspace without an admin. Locks the
 * workspace's admin rows so two admins demoting each other at once cannot both win.
 */
export async function assertAnotherAdminRemains(tx: Transaction, input: { workspaceId: string; userId: string }) {
  const others = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.workspaceId, input.workspaceId),
        eq(memberships.role, "admin"),
        ne(memberships.userId, input.userId),
      ),
    )
    .for("update");
  if (others.length === 0) {
    throw new AppError("CONFLICT", "A workspace needs at least one admin. Make someone else an admin first.");
  }
}
