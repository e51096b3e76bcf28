import { and, asc, eq, ne, notInArray } from "drizzle-orm";
import type { Database } from "@/db";
import { campaigns, memberships, users, workspaces } from "@/db/schema";

/** What the board's pickers offer: open campaigns, members who can take tasks, and the workspace's skills. */
export async function listTaskOptions(db: Database, input: { workspaceId: string }) {
  const [campaignRows, memberRows, [workspace]] = await Promise.all([
    db
      .select({ id: campaigns.id, name: campaigns.name })
      .from(campaigns)
      .where(and(eq(campaigns.workspaceId, input.workspaceId), notInArray(campaigns.status, ["completed", "cancelled", "archived"])))
      .orderBy(asc(campaigns.name))
      .limit(500),
    db
      .select({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, input.workspaceId), ne(memberships.role, "viewer")))
      .orderBy(asc(users.name))
      .limit(1000),
    db.select({ skills: workspaces.skills }).from(workspaces).where(eq(workspaces.id, input.workspaceId)),
  ]);
  return { campaigns: campaignRows, members: memberRows, skills: workspace?.skills ?? [] };
}
