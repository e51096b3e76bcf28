import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { memberships, workspaces } from "@/db/schema";
import type { MemberRole } from "@/db/schema/workspaces";

export interface WorkspaceMembership {
  id: string;
  name: string;
  role: MemberRole;
}

/** Every workspace the user belongs to, oldest membership first. */
export async function listMyWorkspaces(db: Database, input: { userId: string }): Promise<WorkspaceMembership[]> {
  return db
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, input.userId))
    .orderBy(asc(memberships.createdAt), asc(workspaces.name))
    .limit(200);
}
