import type { Database } from "@/db";
import { memberships, workspaces } from "@/db/schema";
import { workspaceCreated } from "@/inngest/events";
import { sendEvents } from "@/inngest/send-events";

/** The event a new workspace emits; its id makes a repeated send start nothing twice. */
export function workspaceCreatedEvent(workspaceId: string, actorId: string) {
  return workspaceCreated.create({ workspaceId, actorId }, { id: `workspace-created-${workspaceId}` });
}

/** A new workspace with the creator as its admin; "workspace/created" goes out once it is committed. */
export async function createWorkspace(db: Database, input: { actorId: string; name: string }): Promise<{ id: string }> {
  const workspace = await db.transaction(async (tx) => {
    const [row] = await tx.insert(workspaces).values({ name: input.name }).returning({ id: workspaces.id });
    await tx.insert(memberships).values({ workspaceId: row!.id, userId: input.actorId, role: "admin" });
    return { id: row!.id };
  });
  await sendEvents(db, [workspaceCreatedEvent(workspace.id, input.actorId)]);
  return workspace;
}
