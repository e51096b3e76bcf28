import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { memberships } from "@/db/schema";
import { AppError } from "@/server/errors";
import { assertAnotherAdminRemains } from "./assert-admin-remains";

/** Takes a person out of the workspace; their account and other workspaces stay. */
export async function removeMember(db: Database, input: { workspaceId: string; userId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await tx.query.memberships.findFirst({
      where: and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, input.userId)),
      columns: { role: true },
    });
    if (!current) throw new AppError("NOT_FOUND", "That person is not a member of this workspace.");
    if (current.role === "admin") await assertAnotherAdminRemains(tx, input);
    await tx
      .delete(memberships)
      .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, input.userId)));
  });
}
