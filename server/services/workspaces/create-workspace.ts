import type { Database } from "@/db";
import { memberships, workspaces } from "@/db/schema";
import { workspaceCreated } from "@/inngest/events";
import { enqueueEvents } from "@/inngest/outbox/enqueue-events";

/** The event a new workspace emits; its id makes a repeated send start nothing twice. */
export function workspaceCreatedEvent(workspaceId: string, actorId: string) {
  return workspaceCreated.create({ workspaceId, actorId }, { id: `workspace-created-${workspaceId}` });
}

/** A new workspace with the creator as its admin; "workspace/created" is written to the outbox with it. */
export async function createWorkspace(db: Database, input: { actorId: string; name: string }): Promise<{ id: string }> {
  const workspace = await db.transaction(async (tx) => {
    const [row] = await tx.insert(workspaces).values({ name: input.name }).returning({ id: workspaces.id });
    await tx.insert(memberships).values({ workspaceId: row!.id, userId: input.actorId, role: "admin" });
    await enqueueEvents(tx, [workspaceCreatedEvent(row!.id, input.actorId)]);
    return { id: row!.id };
  });
  return workspace;
}
