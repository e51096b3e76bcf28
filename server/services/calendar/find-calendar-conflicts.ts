import { and, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db";
import { rowsOf } from "@/db/rows-of";
import { campaigns } from "@/db/schema";
import type { Channel } from "@/db/schema/campaigns";
import { belongsToFiltered, type CalendarFilters, campaignFilter, choosesCampaigns, runsDuring } from "./calendar-filters";
import { countItems, formatDay, listNames } from "./calendar-words";

// The warnings the calendar shows over a range of days, worked out by the
// database in one statement: the grouping and the window functions run next to
// the indexes, and JavaScript only writes the sentences.

export type CalendarConflictKind = "channel_limit" | "audience_overlap" | "blackout";

export interface CalendarConflict {
  kind: CalendarConflictKind;
  /** The day it happens on (in the workspace's time zone); absent for a span of days. */
  day?: string;
  message: string;
  /** The campaigns, milestones and content items involved; absent when asked for without them. */
  ids?: string[];
}

type ConflictRow =
  | { kind: "channel_limit"; day: string; ids: string[] | null; info: { channel: Channel; count: number; limit: number } }
  | { kind: "audience_overlap"; day: string; ids: string[] | null; info: { audience: string; names: string[]; overlapFrom: string; overlapTo: string } }
  | { kind: "blackout"; day: string; ids: string[] | null; info: { reason: string; things: { kind: "content" | "milestone" | "launch"; name: string; channel?: Channel }[] } };

/** What the viewer sees: the instants their range covers, and the calendar's filters. */
export interface ConflictView {
  start: Date;
  end: Date;
  filters: CalendarFilters;
}

/**
 * Conflicts among everything planned in the workspace from `from` to `to`
 * (days in the workspace's time zone; `lo`/`hi` are instants safely around
 * them, so the content index bounds the scan):
 * - more items on one channel on one day than the workspace's daily limit;
 * - live campaigns for the same audience (case and spaces ignored) whose dates
 *   overlap, one warning per group of campaigns that overlap one another;
 * - anything planned on a blackout day (an item, a milestone, a launch).
 * Cancelled and archived campaigns, and their content, are not going out: they
 * count for none of them; completed ones no longer overlap anyone.
 *
 * A conflict is the workspace's, whatever the filters, but only those that
 * involve something in `view` (an item scheduled in its range, a milestone or a
 * campaign, each passing its filters) are returned. `withIds: false` leaves out
 * the ids of everything involved (a month can hold thousands);
 * `withBlackouts: false` (no blackout day in the range) leaves the blackout
 * checks out of the statement, so they are not planned for nothing.
 */
export async function findCalendarConflicts(
  db: Database,
  input: { workspaceId: string; from: string; to: string; lo: Date; hi: Date; view: ConflictView; withIds: boolean; withBlackouts: boolean },
): Promise<CalendarConflict[]> {
  const { workspaceId, from, to, lo, hi, view, withIds, withBlackouts } = input;
  const { filters } = view;
  // The campaigns read as `c` below, for the filters.
  const c = alias(campaigns, "c");
  // Whether an item in range is on screen. Its campaign is live (not archived) already; more is asked only when campaigns are chosen.
  const itemShown = and(
    sql`scheduled_at >= ${view.start.toISOString()}::timestamptz and scheduled_at < ${view.end.toISOString()}::timestamptz`,
    filters.channels?.length ? sql`channel in ${filters.channels}` : undefined,
    choosesCampaigns(filters) ? belongsToFiltered(workspaceId, sql`campaign_id`, filters, { byChannels: false }) : undefined,
  )!;
  const campaignShown = campaignFilter(c, filters, { byChannels: true });
  const idsOf = (ordered: SQL) => (withIds ? sql`json_agg(${ordered})` : sql`null::json`);
  // Anything planned on a blackout day: an item, a milestone, a launch.
  const blackoutChecks = sql`,
    blackout_days as (
      select b.reason, d::date as day
      from blackout_dates b, generate_series(greatest(b.start_date, ${from}::date), least(b.end_date, ${to}::date), interval '1 day') d
      where b.workspace_id = ${workspaceId} and b.start_date <= ${to}::date and b.end_date >= ${from}::date
    ),
    on_blackout as (
      select bd.day, bd.reason, s.id, 'content' as thing, t.title as name, s.channel::text as channel, s.scheduled_at as at, s.shown
      from blackout_days bd join in_range s on s.day = bd.day join content_items t on t.id = s.id
      union all
      select bd.day, bd.reason, m.id, 'milestone', m.name, null, null, ${campaignShown}
      from blackout_days bd
      join milestones m on m.workspace_id = ${workspaceId} and m.due_date = bd.day
      join campaigns c on c.id = m.campaign_id and c.status not in ('cancelled', 'archived')
      union all
      select bd.day, bd.reason, a.id, 'launch', a.name, null, null, a.shown
      from blackout_days bd
      join around a on a.launch_date = bd.day
    ),
    blackout as (
      select 'blackout' as kind, day::text as day,
        ${idsOf(sql`id order by thing, at, name, id`)} as ids,
        json_build_object('reason', min(reason), 'things', json_agg(json_build_object('kind', thing, 'name', name, 'channel', channel) order by thing, at, name, id)) as info,
        bool_or(shown) as shown
      from on_blackout
      group by day
    )`;
  const result = await db.execute(sql`
    with ws as (
      select id, time_zone, channel_daily_limit from workspaces where id = ${workspaceId}
    ),
    -- Read from the index alone (a title is looked up only for an item on a blackout day).
    scheduled as (
      select ci.id, ci.channel, ci.campaign_id, ci.scheduled_at, (ci.scheduled_at at time zone ws.time_zone)::date as day
      from content_items ci
      join ws on ws.id = ci.workspace_id
      where ci.workspace_id = ${workspaceId}
        and ci.scheduled_at >= ${lo.toISOString()}::timestamptz and ci.scheduled_at < ${hi.toISOString()}::timestamptz
        -- The few closed campaigns, found by the status index, rather than a lookup per item.
        and ci.campaign_id not in (select id from campaigns where workspace_id = ${workspaceId} and status in ('cancelled', 'archived'))
    ),
    in_range as (
      select id, channel, scheduled_at, day, ${itemShown} as shown from scheduled where day between ${from}::date and ${to}::date
    ),
    channel_limit as (
      select 'channel_limit' as kind, day::text as day,
        ${idsOf(sql`id order by scheduled_at, id`)} as ids,
        json_build_object('channel', channel, 'count', count(*), 'limit', (select channel_daily_limit from ws)) as info,
        bool_or(shown) as shown, channel
      from in_range
      group by channel, day
      having count(*) > (select channel_daily_limit from ws)
    ),
    -- The campaigns that are going out during the range. Launches come from here too: a launch falls between a campaign's start and end.
    around as (
      select c.id, c.name, c.status, c.start_date, c.launch_date, c.end_date, btrim(c.audience) as audience,
        lower(regexp_replace(c.audience, '\\s+', '', 'g')) as key, ${campaignShown} as shown
      from campaigns c
      where c.workspace_id = ${workspaceId} and c.status not in ('cancelled', 'archived') and ${runsDuring(c, workspaceId, from, to)}
    ),
    live as (
      select id, name, start_date, end_date, key, audience, shown from around where status <> 'completed' and key <> ''
    ),
    -- Gaps and islands: a campaign starts a new group unless it begins before an earlier one of the same audience has ended.
    marked as (
      select *, case when start_date <= max(end_date) over (partition by key order by start_date, id rows between unbounded preceding and 1 preceding)
        then 0 else 1 end as starts_group
      from live
    ),
    grouped as (
      select *, sum(starts_group) over (partition by key order by start_date, id) as island from marked
    ),
    audience_overlap as (
      select 'audience_overlap' as kind,
        greatest(${from}::date, (array_agg(start_date order by start_date, id))[2])::text as day,
        ${idsOf(sql`id order by start_date, id`)} as ids,
        json_build_object(
          'audience', min(audience),
          'names', json_agg(name order by start_date, id),
          'overlapFrom', (array_agg(start_date order by start_date, id))[2]::text,
          'overlapTo', least((array_agg(end_date order by start_date, id))[1], (array_agg(end_date order by start_date, id))[2])::text
        ) as info,
        bool_or(shown) as shown, key
      from grouped
      group by key, island
      having count(*) > 1
    )
    ${withBlackouts ? blackoutChecks : sql``}
    -- Within a day and a kind, by channel or by audience, so the order does not depend on the plan.
    select kind, day, ids, info from (
      select kind, day, ids, info, shown, channel::text as within from channel_limit
      union all select kind, day, ids, info, shown, key from audience_overlap
      ${withBlackouts ? sql`union all select kind, day, ids, info, shown, '' from blackout` : sql``}
    ) conflicts
    where shown
    order by day, kind, within
  `);
  return rowsOf<ConflictRow>(result).map(describe);
}

function describe(row: ConflictRow): CalendarConflict {
  const ids = row.ids ? { ids: row.ids } : {};
  switch (row.kind) {
    case "channel_limit": {
      const { channel, count, limit } = row.info;
      return { kind: row.kind, day: row.day, ...ids, message: `${countItems(channel, count)} on ${formatDay(row.day)}; the limit is ${limit}.` };
    }
    case "audience_overlap": {
      const { audience, names, overlapFrom, overlapTo } = row.info;
      const quoted = names.map((name) => `“${name}”`);
      const message =
        names.length === 2
          ? `${quoted[0]} and ${quoted[1]} both reach “${audience}” from ${formatDay(overlapFrom)} to ${formatDay(overlapTo)}.`
          : `${names.length} campaigns reach “${audience}” at the same time: ${listNames(quoted)}.`;
      return { kind: row.kind, ...ids, message };
    }
    case "blackout": {
      const things = row.info.things.map((thing) =>
        thing.kind === "launch" ? `the launch of “${thing.name}”` : thing.kind === "milestone" ? `milestone “${thing.name}”` : `“${thing.name}”`,
      );
      const reason = row.info.reason ? ` (${row.info.reason})` : "";
      return {
        kind: row.kind,
        day: row.day,
        ...ids,
        message: `${formatDay(row.day)} is a blackout day${reason}, but ${listNames(things)} ${things.length === 1 ? "is" : "are"} planned on it.`,
      };
    }
  }
}
