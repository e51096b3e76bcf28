import { asc, desc, eq, ne, and } from "drizzle-orm";
import type { Database } from "@/db";
import { campaigns, memberships, users } from "@/db/schema";

/** How many campaigns the calendar's campaign filter offers: the most recently changed. */
export const FILTER_CAMPAIGN_COUNT = 100;

export interface FilterOption {
  id: string;
  name: string;
}

/**
 * What the calendar's filters offer, names only: the campaigns changed most
 * recently (archived ones aside) and the workspace's members as owners. The
 * full member and campaign rows would be most of the page's weight.
 */
export async function listCalendarFilterOptions(db: Database, input: { workspaceId: string }): Promise<{ campaigns: FilterOption[]; owners: FilterOption[] }> {
  const [recent, owners] = await Promise.all([
    db
      .select({ id: campaigns.id, name: campaigns.name })
      .from(campaigns)
      .where(and(eq(campaigns.workspaceId, input.workspaceId), ne(campaigns.status, "archived")))
      .orderBy(desc(campaigns.updatedAt), desc(campaigns.id))
      .limit(FILTER_CAMPAIGN_COUNT),
    db
      .select({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.workspaceId, input.workspaceId))
      .orderBy(asc(users.name), asc(users.id))
      .limit(1000),
  ]);
  return { campaigns: recent, owners };
}
