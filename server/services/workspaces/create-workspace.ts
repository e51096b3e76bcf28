import type { Database } from "@/db";
import { memberships, workspaces } from "@/db/schema";

/** A new workspace with the creator as its admin. */
export async function createWorkspace(db: Database, input: { actorId: string; name: string }): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [workspace] = await tx.insert(workspaces).values({ name: input.name }).returning({ id: workspaces.id });
    await tx.insert(memberships).values({ workspaceId: workspace!.id, userId: input.actorId, role: "admin" });
    return { id: workspace!.id };
  });
}
