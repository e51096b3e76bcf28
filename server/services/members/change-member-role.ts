import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { memberships } from "@/db/schema";
import type { MemberRole } from "@/db/schema/workspaces";
import { AppError } from "@/server/errors";
import { assertAnotherAdminRemains } from "./assert-admin-remains";

/** Gives a member another role. The caller is an admin of the workspace (checked by the router). */
export async function changeMemberRole(
  db: Database,
  input: { workspaceId: string; userId: string; role: MemberRole },
): Promise<{ userId: string; role: MemberRole }> {
  return db.transaction(async (tx) => {
    const current = await tx.query.memberships.findFirst({
      where: and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, input.userId)),
      columns: { role: true },
    });
    if (!current) throw new AppError("NOT_FOUND", "That person is not a member of this workspace.");
    if (current.role === "admin" && input.role !== "admin") {
      await assertAnotherAdminRemains(tx, input);
    }
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, input.userId)));
    return { userId: input.userId, role: input.role };
  });
}
