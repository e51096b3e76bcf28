import type { Database } from "@/db";
import { listMyWorkspaces, type WorkspaceMembership } from "./list-my-workspaces";

/**
 * The workspace a request acts in: the one the user chose (a cookie), if they are
 * still a member of it, else their first. Null when they belong to none.
 */
export async function resolveActiveWorkspace(
  db: Database,
  input: { userId: string; preferredWorkspaceId?: string | null },
): Promise<WorkspaceMembership | null> {
  return pickActiveWorkspace(await listMyWorkspaces(db, { userId: input.userId }), input.preferredWorkspaceId);
}

/** Of the workspaces a person belongs to, the preferred one if it is among them, else the first. */
export function pickActiveWorkspace(mine: WorkspaceMembership[], preferredWorkspaceId?: string | null): WorkspaceMembership | null {
  return mine.find((w) => w.id === preferredWorkspaceId) ?? mine[0] ?? null;
}
