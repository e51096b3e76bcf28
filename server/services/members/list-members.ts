import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { memberships, users } from "@/db/schema";

/** The workspace's members with their roles, by name. */
export function listMembers(db: Database, input: { workspaceId: string }) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, input.workspaceId))
    .orderBy(asc(users.name))
    .limit(1000);
}
