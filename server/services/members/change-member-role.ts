import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { memberships } from "@/db/schema";
import type { MemberRole } from "@/db/schema/workspaces";
import { AppError } from "@/server/errors";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { assertAnotherAdminRemains, lockMembersForChange } from "./assert-admin-remains";

/** Gives a member another role. The actor must be an admin of the workspace when it happens (checked here, under lock). */
export async function changeMemberRole(
  db: Database,
  input: { workspaceId: string; actorId: string; userId: string; role: MemberRole },
): Promise<{ userId: string; role: MemberRole }> {
  return transactionWithRetry(db, async (tx) => {
    const { target, admins } = await lockMembersForChange(tx, input);
    if (!target) throw new AppError("NOT_FOUND", "That person is not a member of this workspace.");
    if (target.role === "admin" && input.role !== "admin") assertAnotherAdminRemains(admins, input.userId);
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, input.userId)));
    return { userId: input.userId, role: input.role };
  });
}
