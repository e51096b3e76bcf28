import { and, arrayOverlaps, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { campaigns } from "@/db/schema";
import type { CampaignStatus, Channel } from "@/db/schema/campaigns";

// The calendar's filters as SQL, shared by its read and its conflicts: what they
// ask of a campaign, and of the milestones and items that belong to one.

export interface CalendarFilters {
  campaignIds?: string[];
  channels?: Channel[];
  ownerId?: string;
  /** Campaign statuses to show; archived campaigns are left out unless asked for. */
  statuses?: CampaignStatus[];
}

/** A campaigns table, or an alias of it in a hand-written statement. */
type CampaignColumns = Record<"id" | "status" | "ownerId" | "channels" | "startDate" | "endDate", PgColumn>;

/** Whether a campaign is chosen by anything beyond the default (every campaign but the archived ones). */
export function choosesCampaigns(filters: CalendarFilters): boolean {
  return Boolean(filters.statuses?.length || filters.campaignIds?.length || filters.ownerId);
}

/**
 * What the filters ask of a campaign's own row. `byChannels`: a channel filter
 * keeps campaigns that use one of the channels (for campaigns and their
 * milestones; an item has a channel of its own).
 */
export function campaignFilter(c: CampaignColumns, filters: CalendarFilters, { byChannels }: { byChannels: boolean }): SQL {
  const conditions = [
    filters.statuses?.length ? inArray(c.status, filters.statuses) : ne(c.status, "archived"),
    filters.campaignIds?.length ? inArray(c.id, filters.campaignIds) : undefined,
    filters.ownerId ? eq(c.ownerId, filters.ownerId) : undefined,
    byChannels && filters.channels?.length ? arrayOverlaps(c.channels, filters.channels) : undefined,
  ];
  return and(...conditions) ?? sql`true`;
}

/**
 * Whether the campaign a milestone or an item belongs to passes the filters, as
 * a condition on its campaign id: by default, not one of the few archived
 * campaigns (a small set the status index finds, where a join would read every
 * campaign); otherwise one of the chosen campaigns.
 */
export function belongsToFiltered(
  workspaceId: string,
  campaignId: PgColumn | SQL,
  filters: CalendarFilters,
  { byChannels }: { byChannels: boolean },
): SQL {
  if (!choosesCampaigns(filters) && !(byChannels && filters.channels?.length)) {
    return sql`${campaignId} not in (select ${campaigns.id} from ${campaigns} where ${campaigns.workspaceId} = ${workspaceId} and ${campaigns.status} = 'archived')`;
  }
  return sql`${campaignId} in (select ${campaigns.id} from ${campaigns} where ${campaigns.workspaceId} = ${workspaceId} and ${campaignFilter(campaigns, filters, { byChannels })})`;
}

/**
 * Campaigns running on any day from `from` to `to`. A campaign that ends on or
 * after `from` started at most the workspace's longest campaign before it, so
 * both ends bound the start-date index (a scan of the workspace's campaigns
 * otherwise, since most started before `to`); the longest length comes from its
 * own index.
 */
export function runsDuring(c: CampaignColumns, workspaceId: string, from: string, to: string): SQL {
  return sql`${c.startDate} <= ${to}::date and ${c.endDate} >= ${from}::date
    and ${c.startDate} >= ${from}::date - (select max(${campaigns.endDate} - ${campaigns.startDate}) from ${campaigns} where ${campaigns.workspaceId} = ${workspaceId})`;
}
