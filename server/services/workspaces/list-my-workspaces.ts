import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { memberships, workspaces } from "@/db/schema";
import type { MemberRole } from "@/db/schema/workspaces";

export interface WorkspaceMembership {
  id: string;
  name: string;
  role: MemberRole;
}

function prepareListing(db: Database) {
  return db
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, sql.placeholder("userId")))
    .orderBy(asc(memberships.createdAt), asc(workspaces.name))
    .limit(200)
    .prepare("list_my_workspaces");
}

// Every API request asks this (server/api/context.ts), so the query is built once per database, not per call.
const listings = new WeakMap<Database, ReturnType<typeof prepareListing>>();

/** Every workspace the user belongs to, oldest membership first. */
export async function listMyWorkspaces(db: Database, input: { userId: string }): Promise<WorkspaceMembership[]> {
  let listing = listings.get(db);
  if (!listing) listings.set(db, (listing = prepareListing(db)));
  return listing.execute({ userId: input.userId });
}
