// Who is owed a digest right now. A member's daily digest is due once their own
// clock (their zone, else the workspace's) has reached their digest hour on one
// of their working days; a campaign owner's weekly summary once it is Monday at
// their digest hour or later in the same ISO week. "Reached", not "equals": a
// tick that comes late (downtime, a slow executor) still finds the current
// period, once, and an hour that daylight saving skips is reached all the same.
// A period already in the digests table (sent, or found to have nothing to say)
// is never found again. Both queries read each membership once, with the
// workspace's zone beside it, and look the member's current period up by the
// digests table's key, so they stay cheap when run every few minutes.
import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { rowsOf } from "@/db/rows-of";
import type { DigestKind } from "@/db/schema";

export interface DueDigest {
  kind: DigestKind;
  workspaceId: string;
  userId: string;
  /** The member's local date ("2026-11-30") or ISO week ("2026-W49"). */
  period: string;
}

/** At most this many of each kind per search; the rest come up at the next tick. */
const BATCH = 2000;

export async function findDueDigests(db: Database, input: { now?: Date; limit?: number } = {}): Promise<DueDigest[]> {
  const now = (input.now ?? new Date()).toISOString();
  const limit = input.limit ?? BATCH;
  // The member's wall clock now, as a timestamp without zone.
  const local = sql`(${now}::timestamptz at time zone coalesce(m.time_zone, w.time_zone))`;
  const result = await db.execute(sql`
    with clock as (
      select m.workspace_id, m.user_id, m.digest_hour, m.working_days, m.daily_digest, m.weekly_digest, ${local} as local
      from memberships m join workspaces w on w.id = m.workspace_id
      where (m.daily_digest or m.weekly_digest)
        -- A zone the database does not know would fail the whole search; its members wait until it is known.
        and coalesce(m.time_zone, w.time_zone) in (select name from pg_timezone_names)
    ),
    daily as (
      select 'daily' as kind, c.workspace_id, c.user_id, to_char(c.local, 'YYYY-MM-DD') as period
      from clock c
      where c.daily_digest
        and extract(hour from c.local) >= c.digest_hour
        and extract(isodow from c.local)::smallint = any(c.working_days)
        and not exists (
          select 1 from digests d
          where d.workspace_id = c.workspace_id and d.user_id = c.user_id and d.kind = 'daily' and d.period = to_char(c.local, 'YYYY-MM-DD'))
      order by c.workspace_id, c.user_id
      limit ${limit}
    ),
    weekly as (
      select 'weekly' as kind, c.workspace_id, c.user_id, to_char(c.local, 'IYYY-"W"IW') as period
      from clock c
      where c.weekly_digest
        and (extract(isodow from c.local) > 1 or extract(hour from c.local) >= c.digest_hour)
        and exists (select 1 from campaigns k where k.workspace_id = c.workspace_id and k.owner_id = c.user_id and k.status = 'active')
        and not exists (
          select 1 from digests d
          where d.workspace_id = c.workspace_id and d.user_id = c.user_id and d.kind = 'weekly' and d.period = to_char(c.local, 'IYYY-"W"IW'))
      order by c.workspace_id, c.user_id
      limit ${limit}
    )
    select * from daily union all select * from weekly
  `);
  return rowsOf<{ kind: DigestKind; workspace_id: string; user_id: string; period: string }>(result).map((row) => ({ kind: row.kind, workspaceId: row.workspace_id, userId: row.user_id, period: row.period }));
}
