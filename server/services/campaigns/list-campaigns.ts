import { and, arrayContains, asc, count, desc, eq, gte, ilike, inArray, lte, ne, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db";
import { campaigns, users } from "@/db/schema";
import type { ListCampaignsInput } from "./campaign.schema";

/** `%` and `_` typed by a person are letters, not wildcards. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export function campaignFilters(input: { workspaceId: string } & Omit<ListCampaignsInput, "page" | "pageSize" | "sort">): SQL | undefined {
  const search = input.search?.trim();
  return and(
    eq(campaigns.workspaceId, input.workspaceId),
    // Archived campaigns stay out of the way unless asked for by status.
    input.statuses?.length ? inArray(campaigns.status, input.statuses) : ne(campaigns.status, "archived"),
    input.types?.length ? inArray(campaigns.type, input.types) : undefined,
    input.ownerId ? eq(campaigns.ownerId, input.ownerId) : undefined,
    input.channel ? arrayContains(campaigns.channels, [input.channel]) : undefined,
    input.from ? gte(campaigns.endDate, input.from) : undefined,
    input.to ? lte(campaigns.startDate, input.to) : undefined,
    search ? or(ilike(campaigns.name, likePattern(search)), ilike(campaigns.audience, likePattern(search))) : undefined,
  );
}

const orderings = {
  updated: [desc(campaigns.updatedAt), desc(campaigns.id)],
  start: [asc(campaigns.startDate), asc(campaigns.id)],
  name: [asc(campaigns.name), asc(campaigns.id)],
} as const;

/** A page of the workspace's campaigns matching the filters, with the total for the pager. */
export async function listCampaigns(db: Database, input: ListCampaignsInput & { workspaceId: string }) {
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 25;
  const where = campaignFilters(input);
  // The total rides along on every row (a window over the filtered rows), so a page is one statement.
  const rows = await db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      type: campaigns.type,
      status: campaigns.status,
      audience: campaigns.audience,
      channels: campaigns.channels,
      budgetAmount: campaigns.budgetAmount,
      currency: campaigns.currency,
      startDate: campaigns.startDate,
      launchDate: campaigns.launchDate,
      endDate: campaigns.endDate,
      updatedAt: campaigns.updatedAt,
      owner: { id: users.id, name: users.name },
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(campaigns)
    .innerJoin(users, eq(users.id, campaigns.ownerId))
    .where(where)
    .orderBy(...orderings[input.sort ?? "updated"])
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  // A page past the end has no rows to carry the total: count on its own then.
  const totalCount =
    rows[0]?.total ?? (page > 1 ? ((await db.select({ value: count() }).from(campaigns).where(where))[0]?.value ?? 0) : 0);
  return {
    campaigns: rows.map(({ total: _total, ...campaign }) => campaign),
    total: totalCount,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(totalCount / pageSize)),
  };
}
