import { TZDate } from "@date-fns/tz";
import { and, arrayOverlaps, asc, eq, gte, inArray, lt, lte, ne, type SQL } from "drizzle-orm";
import type { Database } from "@/db";
import { blackoutDates, campaigns, contentItems, milestones, users } from "@/db/schema";
import type { CampaignStatus, Channel } from "@/db/schema/campaigns";
import { type CalendarConflict, findCalendarConflicts } from "./find-calendar-conflicts";

// The calendar's one read: everything planned in a range of days, and the
// conflicts among it. A hot path: a handful of indexed queries run side by side,
// explicit columns, and no work per row beyond shaping the answer.

export interface CalendarRangeParams {
  workspaceId: string;
  /** First and last day shown ("2026-03-01", "2026-03-31"), both included. */
  from: string;
  to: string;
  /** The viewer's IANA zone: content scheduled between midnight on `from` and midnight after `to` there is in the range. */
  timeZone: string;
  campaignIds?: string[];
  channels?: Channel[];
  ownerId?: string;
  /** Campaign statuses to show; archived campaigns are left out unless asked for. */
  statuses?: CampaignStatus[];
}

const DAY_MS = 86_400_000;

/** The instant a day begins in a zone. */
function startOfDayIn(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, timeZone).getTime());
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** Filters on the campaign that a milestone or an item belongs to. */
function campaignScope(params: CalendarRangeParams): SQL[] {
  return [
    eq(campaigns.workspaceId, params.workspaceId),
    params.statuses?.length ? inArray(campaigns.status, params.statuses) : ne(campaigns.status, "archived"),
    params.campaignIds?.length ? inArray(campaigns.id, params.campaignIds) : undefined,
    params.ownerId ? eq(campaigns.ownerId, params.ownerId) : undefined,
  ].filter((condition): condition is SQL => condition !== undefined);
}

export async function getCalendarRange(db: Database, params: CalendarRangeParams) {
  const { workspaceId, from, to, timeZone } = params;
  const scope = campaignScope(params);
  // Campaigns and milestones carry a channel filter through the channels the campaign uses.
  const usesChannels = params.channels?.length ? arrayOverlaps(campaigns.channels, params.channels) : undefined;
  const rangeStart = startOfDayIn(from, timeZone);
  const rangeEnd = startOfDayIn(nextDay(to), timeZone);

  const [campaignRows, milestoneRows, contentRows, blackoutRows, allConflicts] = await Promise.all([
    db
      .select({
        id: campaigns.id,
        name: campaigns.name,
        type: campaigns.type,
        status: campaigns.status,
        startDate: campaigns.startDate,
        launchDate: campaigns.launchDate,
        endDate: campaigns.endDate,
        owner: { id: users.id, name: users.name },
      })
      .from(campaigns)
      .innerJoin(users, eq(users.id, campaigns.ownerId))
      .where(and(...scope, usesChannels, lte(campaigns.startDate, to), gte(campaigns.endDate, from)))
      .orderBy(asc(campaigns.startDate), asc(campaigns.id)),
    db
      .select({
        id: milestones.id,
        campaignId: milestones.campaignId,
        name: milestones.name,
        dueDate: milestones.dueDate,
        completedAt: milestones.completedAt,
      })
      .from(milestones)
      .innerJoin(campaigns, eq(campaigns.id, milestones.campaignId))
      .where(and(eq(milestones.workspaceId, workspaceId), gte(milestones.dueDate, from), lte(milestones.dueDate, to), ...scope, usesChannels))
      .orderBy(asc(milestones.dueDate), asc(milestones.position), asc(milestones.id)),
    db
      .select({
        id: contentItems.id,
        campaignId: contentItems.campaignId,
        channel: contentItems.channel,
        title: contentItems.title,
        scheduledAt: contentItems.scheduledAt,
      })
      .from(contentItems)
      .innerJoin(campaigns, eq(campaigns.id, contentItems.campaignId))
      .where(
        and(
          eq(contentItems.workspaceId, workspaceId),
          gte(contentItems.scheduledAt, rangeStart),
          lt(contentItems.scheduledAt, rangeEnd),
          params.channels?.length ? inArray(contentItems.channel, params.channels) : undefined,
          ...scope,
        ),
      )
      .orderBy(asc(contentItems.scheduledAt), asc(contentItems.id)),
    db
      .select({ id: blackoutDates.id, startDate: blackoutDates.startDate, endDate: blackoutDates.endDate, reason: blackoutDates.reason })
      .from(blackoutDates)
      .where(and(eq(blackoutDates.workspaceId, workspaceId), lte(blackoutDates.startDate, to), gte(blackoutDates.endDate, from)))
      .orderBy(asc(blackoutDates.startDate)),
    // Conflicts are decided on the workspace's days, which may start up to a day either side of the viewer's.
    findCalendarConflicts(db, {
      workspaceId,
      from,
      to,
      lo: new Date(Date.parse(`${from}T00:00:00Z`) - DAY_MS),
      hi: new Date(Date.parse(`${to}T00:00:00Z`) + 2 * DAY_MS),
    }),
  ]);

  // A conflict is the workspace's, whatever the filters; it is shown when something on screen is part of it.
  const shown = new Set<string>();
  for (const rows of [campaignRows, milestoneRows, contentRows]) for (const row of rows) shown.add(row.id);
  const conflicts: CalendarConflict[] = allConflicts.filter((conflict) => conflict.ids.some((id) => shown.has(id)));

  return {
    campaigns: campaignRows,
    milestones: milestoneRows.map(({ completedAt, ...milestone }) => ({ ...milestone, completed: completedAt !== null })),
    contentItems: contentRows.map((item) => ({ ...item, scheduledAt: item.scheduledAt! })),
    blackouts: blackoutRows,
    conflicts,
  };
}

export type CalendarRange = Awaited<ReturnType<typeof getCalendarRange>>;
