import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { memberships } from "@/db/schema";
import { fieldError } from "@/server/errors";

/**
 * A campaign's owner must belong to its workspace (a viewer may own one: owning
 * is about who answers for it). Share-locks the owner's membership, so removing
 * them waits for this transaction and the campaign never ends up owned by
 * someone who just left.
 */
export async function assertOwnerIsMember(tx: Database, input: { workspaceId: string; ownerId: string }): Promise<void> {
  const [member] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, input.ownerId)))
    .for("share");
  if (!member) throw fieldError("ownerId", "Choose an owner from this workspace's members");
}
