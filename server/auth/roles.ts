// Who may do what, by rank. The tRPC procedures, the services and the pages all
// decide with this one ladder; it imports nothing heavy, so pages can use it too.
import type { MemberRole } from "@/db/schema/enum-values";

const roleRank: Record<MemberRole, number> = { viewer: 0, marketer: 1, manager: 2, admin: 3 };

/** Whether a member with `role` may do what needs at least `atLeast`. */
export function hasRole(role: MemberRole, atLeast: MemberRole): boolean {
  return roleRank[role] >= roleRank[atLeast];
}
