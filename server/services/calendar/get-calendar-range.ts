import { TZDate } from "@date-fns/tz";
import { and, asc, eq, gte, inArray, lt, lte, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { blackoutDates, campaigns, contentItems, milestones, users } from "@/db/schema";
import type { CampaignStatus, CampaignType, Channel } from "@/db/schema/campaigns";
import { contentApproved } from "@/server/services/content/content-approved";
import { MAX_SPANS } from "./calendar-limits";
import { belongsToFiltered, type CalendarFilters, campaignFilter, runsDuring } from "./calendar-filters";
import { rowsOf } from "@/db/rows-of";
import { type CalendarConflict, findCalendarConflicts } from "./find-calendar-conflicts";

// The calendar's one read: everything planned in a range of days, and the
// conflicts among it. A hot path: a handful of indexed queries run side by side,
// explicit columns, and no work per row beyond shaping the answer. The month
// view's summary is cut down by the database (a few rows a day and each day's
// count), so a busy month's thousands of rows never leave it.

export interface CalendarRangeParams extends CalendarFilters {
  workspaceId: string;
  /** First and last day shown ("2026-03-01", "2026-03-31"), both included. */
  from: string;
  to: string;
  /** The viewer's IANA zone: content scheduled between midnight on `from` and midnight after `to` there is in the range. */
  timeZone: string;
  /**
   * The month view's summary: at most this many things per day (launches,
   * milestones and content taken in turn, each by time), and per day how many
   * more there are. Absent: everything in the range (week and list views).
   */
  perDay?: number;
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

/**
 * Campaigns running on any day of the range, by start, and how many there are.
 * A summary (perDay) of a busy range shows its campaigns by launch day only, so
 * then only those launching in it leave the database, not every one running
 * through it.
 */
async function campaignsRunning(db: Database, params: CalendarRangeParams): Promise<{ campaigns: CalendarCampaign[]; total: number }> {
  const { workspaceId, from, to } = params;
  // The first row always comes, to carry the count.
  const kept = params.perDay ? sql`total <= ${MAX_SPANS} or launch_date between ${from}::date and ${to}::date or n = 1` : sql`true`;
  const result = await db.execute(sql`
    select id, name, type, status, start_date::text as "startDate", launch_date::text as "launchDate", end_date::text as "endDate",
      owner_id as "ownerId", owner_name as "ownerName", total
    from (
      select ${campaigns.id} as id, ${campaigns.name} as name, ${campaigns.type} as type, ${campaigns.status} as status,
        ${campaigns.startDate} as start_date, ${campaigns.launchDate} as launch_date, ${campaigns.endDate} as end_date,
        ${users.id} as owner_id, ${users.name} as owner_name,
        row_number() over (order by ${campaigns.startDate}, ${campaigns.id}) as n,
        (count(*) over ())::int as total
      from ${campaigns}
      join ${users} on ${users.id} = ${campaigns.ownerId}
      where ${campaigns.workspaceId} = ${workspaceId} and ${campaignFilter(campaigns, params, { byChannels: true })}
        and ${runsDuring(campaigns, workspaceId, from, to)}
    ) in_range
    where ${kept}
    order by start_date, id
  `);
  const rows = rowsOf<Omit<CalendarCampaign, "owner"> & { ownerId: string; ownerName: string; total: number }>(result);
  return {
    campaigns: rows.map(({ ownerId, ownerName, total: _total, ...campaign }) => ({ ...campaign, owner: { id: ownerId, name: ownerName } })),
    total: rows[0]?.total ?? 0,
  };
}

export async function getCalendarRange(db: Database, params: CalendarRangeParams): Promise<CalendarRange> {
  const { workspaceId, from, to, timeZone } = params;
  const rangeStart = startOfDayIn(from, timeZone);
  const rangeEnd = startOfDayIn(nextDay(to), timeZone);
  // Milestones (like campaigns) carry a channel filter through the channels their campaign uses; an item has its own.
  const milestonesWhere = and(
    eq(milestones.workspaceId, workspaceId),
    gte(milestones.dueDate, from),
    lte(milestones.dueDate, to),
    belongsToFiltered(workspaceId, milestones.campaignId, params, { byChannels: true }),
  );
  const contentWhere = and(
    eq(contentItems.workspaceId, workspaceId),
    gte(contentItems.scheduledAt, rangeStart),
    lt(contentItems.scheduledAt, rangeEnd),
    params.channels?.length ? inArray(contentItems.channel, params.channels) : undefined,
    belongsToFiltered(workspaceId, contentItems.campaignId, params, { byChannels: false }),
  );

  const campaignsInRange = campaignsRunning(db, params);
  const blackoutsInRange = db
    .select({ id: blackoutDates.id, startDate: blackoutDates.startDate, endDate: blackoutDates.endDate, reason: blackoutDates.reason })
    .from(blackoutDates)
    .where(and(eq(blackoutDates.workspaceId, workspaceId), lte(blackoutDates.startDate, to), gte(blackoutDates.endDate, from)))
    .orderBy(asc(blackoutDates.startDate))
    .execute();
  // Conflicts are decided on the workspace's days, which may start up to a day either side of the viewer's;
  // the database keeps those that involve something on screen. They wait for the (tiny) blackout read, so
  // that a range without a blackout day, the usual one, does not plan the blackout checks.
  const conflictsAround = blackoutsInRange.then((blackouts) =>
    findCalendarConflicts(db, {
      workspaceId,
      from,
      to,
      lo: new Date(Date.parse(`${from}T00:00:00Z`) - DAY_MS),
      hi: new Date(Date.parse(`${to}T00:00:00Z`) + 2 * DAY_MS),
      view: { start: rangeStart, end: rangeEnd, filters: params },
      // The grid marks days and names things in words; the ids of everything involved would be most of a summary.
      withIds: !params.perDay,
      withBlackouts: blackouts.length > 0,
    }),
  );

  if (params.perDay) {
    const perDay = params.perDay;
    // Each day's first rows are ranked from the indexes alone (no table reads for a month of rows); names and titles are then looked up for the few kept.
    const [{ campaigns: campaignRows, total: campaignsTotal }, milestoneRows, contentRows, blackoutRows, conflicts] = await Promise.all([
      campaignsInRange,
      db.execute(sql`
        select ranked.id, ranked.campaign_id as "campaignId", kept.name, ranked.due_date::text as "dueDate",
          kept.completed_at is not null as completed, kept.campaign_name as "campaignName", kept.owner_name as "ownerName", ranked.total
        from (
          select ${milestones.id} as id, ${milestones.campaignId} as campaign_id, ${milestones.dueDate} as due_date, ${milestones.position} as position,
            row_number() over (partition by ${milestones.dueDate} order by ${milestones.position}, ${milestones.id}) as n,
            (count(*) over (partition by ${milestones.dueDate}))::int as total
          from ${milestones}
          where ${milestonesWhere}
        ) ranked
        -- A lookup per kept row: the limit keeps the planner from joining the month's rows to the whole table.
        cross join lateral (
          select named.name, named.completed_at, parent.name as campaign_name, owner.name as owner_name
          from milestones named join campaigns parent on parent.id = named.campaign_id join users owner on owner.id = parent.owner_id
          where named.id = ranked.id limit 1
        ) kept
        where ranked.n <= ${perDay}
        order by ranked.due_date, ranked.position, ranked.id
      `),
      db.execute(sql`
        select ranked.id, ranked.campaign_id as "campaignId", ranked.channel,
          (select titled.title from content_items titled where titled.id = ranked.id) as title,
          (select coalesce(titled.approval_status = 'approved' and titled.approved_version = titled.version, false) from content_items titled where titled.id = ranked.id) as approved,
          -- Milliseconds, which both database drivers hand back as a number.
          (extract(epoch from ranked.scheduled_at) * 1000)::float8 as at, ranked.day::text as day, ranked.total
        from (
          select ${contentItems.id} as id, ${contentItems.campaignId} as campaign_id, ${contentItems.channel} as channel,
            ${contentItems.scheduledAt} as scheduled_at, viewer.day,
            row_number() over (partition by viewer.day order by ${contentItems.scheduledAt}, ${contentItems.id}) as n,
            (count(*) over (partition by viewer.day))::int as total
          from ${contentItems}
          cross join lateral (select (${contentItems.scheduledAt} at time zone ${timeZone})::date as day) viewer
          where ${contentWhere}
        ) ranked
        where ranked.n <= ${perDay}
        order by ranked.scheduled_at, ranked.id
      `),
      blackoutsInRange,
      conflictsAround,
    ]);
    type Ranked<T> = T & { total: number };
    const milestoneList = rowsOf<Ranked<CalendarMilestone>>(milestoneRows);
    const contentList = rowsOf<Ranked<Omit<CalendarContentItem, "scheduledAt"> & { at: number; day: string }>>(contentRows);

    // Each day takes launches, milestones and content in turn, up to perDay things; the rest is "+N more".
    const spans = campaignsTotal <= MAX_SPANS;
    type Day = { lists: { id: string }[][]; total: number };
    const days = new Map<string, Day>();
    const dayOf = (day: string): Day => {
      let entry = days.get(day);
      if (!entry) days.set(day, (entry = { lists: [[], [], []], total: 0 }));
      return entry;
    };
    if (!spans) {
      for (const campaign of campaignRows) {
        if (campaign.launchDate < from || campaign.launchDate > to) continue;
        const entry = dayOf(campaign.launchDate);
        entry.total++;
        if (entry.lists[0]!.length < perDay) entry.lists[0]!.push(campaign);
      }
    }
    // The database sends each day's first rows and the day's count on each of them.
    const counted = new Set<string>();
    for (const [list, rows, dayKey] of [
      [1, milestoneList, (row: { dueDate: string }) => row.dueDate],
      [2, contentList, (row: { day: string }) => row.day],
    ] as const) {
      for (const row of rows as ({ id: string; total: number } & Record<string, unknown>)[]) {
        const day = (dayKey as (row: unknown) => string)(row);
        const entry = dayOf(day);
        if (!counted.has(`${list}:${day}`)) {
          counted.add(`${list}:${day}`);
          entry.total += row.total;
        }
        entry.lists[list]!.push(row);
      }
    }
    const kept = new Set<string>();
    const more: { day: string; count: number }[] = [];
    for (const [day, { lists, total }] of days) {
      let shown = 0;
      for (let turn = 0; turn < perDay && shown < perDay; turn++) {
        for (const list of lists) {
          const thing = list[turn];
          if (thing === undefined || shown >= perDay) continue;
          kept.add(thing.id);
          shown++;
        }
      }
      if (total > shown) more.push({ day, count: total - shown });
    }
    more.sort((a, b) => a.day.localeCompare(b.day));

    return {
      campaigns: spans ? campaignRows : campaignRows.filter((campaign) => kept.has(campaign.id)),
      milestones: milestoneList.filter((row) => kept.has(row.id)).map(({ total: _total, ...milestone }) => milestone),
      contentItems: contentList
        .filter((row) => kept.has(row.id))
        .map(({ id, campaignId, channel, title, approved, at }) => ({ id, campaignId, channel, title, approved, scheduledAt: new Date(at) })),
      blackouts: blackoutRows,
      conflicts,
      spans,
      more,
    };
  }

  const [{ campaigns: campaignRows }, milestoneRows, contentRows, blackoutRows, conflicts] = await Promise.all([
    campaignsInRange,
    db
      .select({
        id: milestones.id,
        campaignId: milestones.campaignId,
        name: milestones.name,
        dueDate: milestones.dueDate,
        completedAt: milestones.completedAt,
        campaignName: campaigns.name,
        ownerName: users.name,
      })
      .from(milestones)
      .innerJoin(campaigns, eq(campaigns.id, milestones.campaignId))
      .innerJoin(users, eq(users.id, campaigns.ownerId))
      .where(milestonesWhere)
      .orderBy(asc(milestones.dueDate), asc(milestones.position), asc(milestones.id)),
    db
      .select({
        id: contentItems.id,
        campaignId: contentItems.campaignId,
        channel: contentItems.channel,
        title: contentItems.title,
        approved: contentApproved,
        scheduledAt: contentItems.scheduledAt,
      })
      .from(contentItems)
      .where(contentWhere)
      .orderBy(asc(contentItems.scheduledAt), asc(contentItems.id)),
    blackoutsInRange,
    conflictsAround,
  ]);

  return {
    campaigns: campaignRows,
    milestones: milestoneRows.map(({ completedAt, ...milestone }) => ({ ...milestone, completed: completedAt !== null })),
    contentItems: contentRows.map((item) => ({ ...item, scheduledAt: item.scheduledAt! })),
    blackouts: blackoutRows,
    conflicts,
  };
}

export interface CalendarCampaign {
  id: string;
  name: string;
  type: CampaignType;
  status: CampaignStatus;
  startDate: string;
  launchDate: string;
  endDate: string;
  owner: { id: string; name: string };
}

export interface CalendarMilestone {
  id: string;
  campaignId: string;
  name: string;
  dueDate: string;
  completed: boolean;
  /** Which campaign it belongs to, and who owns that: two campaigns' "Review & approval" on one day are told apart. */
  campaignName: string;
  ownerName: string;
}

export interface CalendarContentItem {
  id: string;
  campaignId: string;
  channel: Channel;
  title: string;
  /** Approved at its current version: what goes out is what was approved. */
  approved: boolean;
  scheduledAt: Date;
}

export interface CalendarRange {
  campaigns: CalendarCampaign[];
  milestones: CalendarMilestone[];
  contentItems: CalendarContentItem[];
  blackouts: { id: string; startDate: string; endDate: string; reason: string }[];
  /** In a summary (perDay) the ids of the things involved are left out: the grid marks days, and most of the things are behind "+N more". */
  conflicts: (Omit<CalendarConflict, "ids"> & { ids?: string[] })[];
  /** A summary's (perDay) campaigns are drawn as spans over their days; false when only their launches are shown (a busy range). */
  spans?: boolean;
  /** A summary's days with things left out, and how many ("+N more"). */
  more?: { day: string; count: number }[];
}
