import { TZDate } from "@date-fns/tz";
import { and, arrayOverlaps, asc, eq, gte, inArray, lt, lte, ne, sql, type SQL } from "drizzle-orm";
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
  /**
   * The month view's summary: at most this many things per day (launches,
   * milestones and content taken in turn, each by time), and per day how many
   * more there are. Absent: everything in the range (week and list views).
   */
  perDay?: number;
}

/**
 * Up to this many campaigns in a summarised range are drawn as spans; beyond it
 * a month of bars would hide the work under them, so each campaign is shown by
 * its launch day (the date a planner acts on) and counted in that day's budget.
 */
export const MAX_SPANS = 12;

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
        // The viewer's day, worked out next to the index rather than per row in JavaScript.
        day: sql<string>`((${contentItems.scheduledAt} at time zone ${timeZone})::date)::text`,
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
  const conflicts: ShownConflict[] = allConflicts.filter((conflict) => conflict.ids.some((id) => shown.has(id)));

  const range = {
    campaigns: campaignRows,
    milestones: milestoneRows.map(({ completedAt, ...milestone }) => ({ ...milestone, completed: completedAt !== null })),
    contentItems: contentRows.map(({ day: _day, ...item }) => ({ ...item, scheduledAt: item.scheduledAt! })),
    blackouts: blackoutRows,
    conflicts,
    /** Campaigns drawn as spans over their days; false when only their launches are shown (a summarised busy range). */
    spans: true,
    /** Per day, how many things were left out of a summarised range ("+N more"). */
    more: [] as { day: string; count: number }[],
  };
  if (!params.perDay) return range;
  return summarise(range, contentRows, params.perDay, from, to);
}

/** In a summary the involved ids are left out: the grid marks days, and most of the things are behind "+N more" anyway. */
type ShownConflict = Omit<CalendarConflict, "ids"> & { ids?: string[] };

type FullRange = {
  conflicts: ShownConflict[];
  campaigns: { id: string; launchDate: string }[];
  milestones: { dueDate: string }[];
  contentItems: unknown[];
};

/** Keeps at most `perDay` things a day, taking launches, milestones and content in turn, and counts the rest. */
function summarise<R extends FullRange & { spans: boolean; more: { day: string; count: number }[] }>(
  range: R,
  contentRows: { day: string }[],
  perDay: number,
  from: string,
  to: string,
): R {
  const spans = range.campaigns.length <= MAX_SPANS;
  type Day = { lists: unknown[][]; total: number };
  const days = new Map<string, Day>();
  const dayOf = (day: string): Day => {
    let entry = days.get(day);
    if (!entry) days.set(day, (entry = { lists: [[], [], []], total: 0 }));
    return entry;
  };
  const add = (day: string, list: number, thing: unknown) => {
    const entry = dayOf(day);
    entry.total++;
    if (entry.lists[list]!.length < perDay) entry.lists[list]!.push(thing);
  };
  // Rows arrive in time order, so each day's lists are too.
  if (!spans) for (const campaign of range.campaigns) if (campaign.launchDate >= from && campaign.launchDate <= to) add(campaign.launchDate, 0, campaign);
  for (const milestone of range.milestones) add(milestone.dueDate, 1, milestone);
  range.contentItems.forEach((item, at) => add(contentRows[at]!.day, 2, item));

  const kept = new Set<unknown>();
  const more: { day: string; count: number }[] = [];
  for (const [day, { lists, total }] of days) {
    let shown = 0;
    for (let turn = 0; shown < perDay && turn < perDay; turn++) {
      for (const list of lists) {
        const thing = list[turn];
        if (thing === undefined || shown >= perDay) continue;
        kept.add(thing);
        shown++;
      }
    }
    if (total > shown) more.push({ day, count: total - shown });
  }
  more.sort((a, b) => a.day.localeCompare(b.day));
  return {
    ...range,
    campaigns: spans ? range.campaigns : range.campaigns.filter((campaign) => kept.has(campaign)),
    milestones: range.milestones.filter((milestone) => kept.has(milestone)),
    contentItems: range.contentItems.filter((item) => kept.has(item)),
    conflicts: range.conflicts.map(({ ids: _ids, ...conflict }) => conflict),
    spans,
    more,
  };
}

export type CalendarRange = Awaited<ReturnType<typeof getCalendarRange>>;
