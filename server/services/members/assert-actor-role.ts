import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { memberships } from "@/db/schema";
import type { MemberRole } from "@/db/schema/workspaces";
import { hasRole } from "@/server/auth/roles";
import { AppError } from "@/server/errors";

// Same words as the tRPC role procedures, which decide on the role read before the call.
const who: Record<MemberRole, string> = {
  viewer: "members",
  marketer: "marketers, managers and admins",
  manager: "managers and admins",
  admin: "workspace admins",
};

/**
 * The actor's role as it is now, read inside the caller's transaction under a
 * share lock on their membership. The role the request started with may be stale:
 * another admin can demote or remove the actor while the call runs. The lock makes
 * such a change wait for this transaction (or this read wait for it, and see the
 * new role), so the decision and the write agree. Take it first, before any
 * campaign row: members, then campaigns, then their children is the order every
 * service locks in. FORBIDDEN below `atLeast`.
 */
export async function assertActorRole(
  tx: Database,
  input: { workspaceId: string; actorId: string },
  atLeast: MemberRole,
): Promise<MemberRole> {
  const [membership] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, input.actorId)))
    .for("share");
  if (!membership) throw new AppError("FORBIDDEN", "You are not a member of this workspace.");
  if (!hasRole(membership.role, atLeast)) throw new AppError("FORBIDDEN", `Only ${who[atLeast]} can do this.`);
  return membership.role;
}
