// The benchmark's data: one large workspace and two small ones, written with
// set-based SQL (INSERT ... SELECT generate_series) so full scale takes seconds.
// Full scale, in the large workspace: 500 members, 10,000 campaigns of every
// type, status and channel spread over four years around today, 5 milestones
// and 10 content items per campaign (50,000 and 100,000), so a month holds about
// 2,000 items, and 20 tasks per campaign (200,000) with a chain of dependencies,
// assigned across the members. `small` divides every count by 10. A fixed random seed makes
// every run build the same data.
import postgres from "postgres";
import { hashPassword } from "@/server/auth/password";

export type Scale = "full" | "small";

export const BENCH_PASSWORD = "bench-password-1";

export interface SeededData {
  workspaceId: string;
  /** A member (the admin) of the large workspace, who signs in for the HTTP and UI suites. */
  email: string;
  password: string;
  counts: { members: number; campaigns: number; milestones: number; contentItems: number; tasks: number };
  seconds: number;
}

interface WorkspacePlan {
  name: string;
  slug: string;
  members: number;
  campaigns: number;
}

const MILESTONES_PER_CAMPAIGN = 5;
const ITEMS_PER_CAMPAIGN = 10;
const TASKS_PER_CAMPAIGN = 20;
/** Campaign start days are spread evenly over this many days either side of today (with the campaigns' length, about four years). */
const SPREAD_DAYS = 690;

export function plans(scale: Scale): WorkspacePlan[] {
  const divisor = scale === "small" ? 10 : 1;
  return [
    { name: "Bench Marketing", slug: "big", members: 500 / divisor, campaigns: 10_000 / divisor },
    { name: "Bench Agency", slug: "small-a", members: 8, campaigns: 200 / divisor },
    { name: "Bench Studio", slug: "small-b", members: 8, campaigns: 200 / divisor },
  ];
}

export async function seedBenchData(url: string, scale: Scale): Promise<SeededData> {
  const started = performance.now();
  // One connection: setseed() makes random() repeatable within a session.
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // Argon2 is slow on purpose; every bench member shares one hash.
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    await sql`select setseed(0.42)`;
    // Every reference is consistent by construction; skipping the per-row foreign-key triggers makes the load several times faster.
    await sql`set session_replication_role = replica`;
    const workspaceIds: string[] = [];
    for (const plan of plans(scale)) workspaceIds.push(await seedWorkspace(sql, plan, passwordHash));
    await sql`set session_replication_role = default`;
    // Vacuumed as well as analysed: the calendar reads its month from indexes alone, which needs the visibility map.
    await sql`vacuum analyze`;
    const big = plans(scale)[0]!;
    return {
      workspaceId: workspaceIds[0]!,
      email: `member-1@${big.slug}.bench.test`,
      password: BENCH_PASSWORD,
      counts: {
        members: big.members,
        campaigns: big.campaigns,
        milestones: big.campaigns * MILESTONES_PER_CAMPAIGN,
        contentItems: big.campaigns * ITEMS_PER_CAMPAIGN,
        tasks: big.campaigns * TASKS_PER_CAMPAIGN,
      },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function seedWorkspace(sql: postgres.Sql, plan: WorkspacePlan, passwordHash: string): Promise<string> {
  const [workspace] = await sql<{ id: string }[]>`insert into workspaces (name) values (${plan.name}) returning id`;
  const workspaceId = workspace!.id;

  await sql`
    insert into users (email, name, password_hash)
    select 'member-' || g || '@' || ${plan.slug} || '.bench.test', 'Member ' || g || ' of ' || ${plan.name}, ${passwordHash}
    from generate_series(1, ${plan.members}::int) g`;
  // Member 1 is the admin who signs in; then a manager in ten, a viewer in three, the rest marketers.
  await sql`
    insert into memberships (workspace_id, user_id, role)
    select ${workspaceId}, u.id,
      (case when n = 1 then 'admin' when n % 10 = 0 then 'manager' when n % 3 = 0 then 'viewer' else 'marketer' end)::member_role
    from (select id, substring(email from 'member-(\\d+)@')::int as n from users where email like ${`%@${plan.slug}.bench.test`}) u`;

  // Status follows the dates as it would in use: finished campaigns are completed,
  // cancelled or archived; running ones active or paused; later ones still being planned.
  await sql`
    with owners as (
      select array_agg(user_id order by user_id) as ids from memberships where workspace_id = ${workspaceId} and role <> 'viewer'
    ),
    drawn as (
      select g,
        current_date - ${SPREAD_DAYS}::int + floor(random() * ${2 * SPREAD_DAYS + 1}::int)::int as start_date,
        14 + floor(random() * 77)::int as days,
        random() as launch_at,
        random() as pick,
        1 + floor(random() * 255)::int as channel_bits,
        random() as owner_pick,
        random() as touched
      from generate_series(1, ${plan.campaigns}::int) g
    )
    insert into campaigns (workspace_id, name, type, status, status_before_archive, goal, kpi_name, kpi_target, audience, channels,
                           budget_amount, currency, owner_id, start_date, launch_date, end_date, created_at, updated_at)
    select ${workspaceId},
      (array['Spring', 'Summer', 'Autumn', 'Winter', 'Holiday', 'Back to school', 'Black Friday', 'New year', 'Partner', 'Customer'])[1 + g % 10]
        || ' ' || (array['launch', 'webinar', 'newsletter', 'series', 'outreach', 'summit', 'ads push', 'promo'])[1 + (g / 10) % 8]
        || ' ' || g,
      (enum_range(null::campaign_type))[1 + g % 7],
      (case
        when d.start_date + d.days < current_date then (array['completed', 'completed', 'completed', 'cancelled', 'archived'])[1 + floor(d.pick * 5)::int]
        when d.start_date <= current_date then (array['active', 'active', 'active', 'paused'])[1 + floor(d.pick * 4)::int]
        else (array['draft', 'planned', 'planned', 'in_review', 'approved'])[1 + floor(d.pick * 5)::int]
      end)::campaign_status,
      case when d.start_date + d.days < current_date and floor(d.pick * 5) = 4 then 'completed'::campaign_status end,
      'Grow qualified pipeline',
      'Sign-ups',
      (100 * (1 + g % 50))::numeric,
      (array['Existing customers', 'Trial users', 'Enterprise prospects', 'Newsletter subscribers', 'Partners', 'Developers'])[1 + g % 6],
      array(select c from unnest(enum_range(null::channel)) with ordinality as e(c, i) where (d.channel_bits >> (i::int - 1)) & 1 = 1),
      (500 * (1 + g % 40))::numeric,
      (array['USD', 'EUR', 'GBP'])[1 + g % 3],
      o.ids[1 + floor(d.owner_pick * cardinality(o.ids))::int],
      d.start_date,
      d.start_date + floor(d.launch_at * d.days)::int,
      d.start_date + d.days,
      (d.start_date - 30)::timestamp at time zone 'UTC',
      least(now(), (d.start_date + floor(d.touched * d.days)::int)::timestamp at time zone 'UTC')
    from drawn d cross join owners o`;

  await sql`
    insert into milestones (workspace_id, campaign_id, name, due_date, position, completed_at)
    select c.workspace_id, c.id,
      (array['Brief approved', 'Creative ready', 'Copy final', 'Launch', 'Wrap-up report'])[k],
      c.start_date + ((c.end_date - c.start_date) * k / ${MILESTONES_PER_CAMPAIGN + 1}::int),
      k,
      case when c.start_date + ((c.end_date - c.start_date) * k / ${MILESTONES_PER_CAMPAIGN + 1}::int) < current_date
        then (c.start_date + ((c.end_date - c.start_date) * k / ${MILESTONES_PER_CAMPAIGN + 1}::int))::timestamp at time zone 'UTC' end
    from campaigns c cross join generate_series(1, ${MILESTONES_PER_CAMPAIGN}::int) k
    where c.workspace_id = ${workspaceId}`;

  // Each item on one of its campaign's channels, on a day within the campaign, in office hours; one in twenty unscheduled.
  await sql`
    insert into content_items (workspace_id, campaign_id, channel, title, body, scheduled_at, created_at, updated_at)
    select c.workspace_id, c.id,
      c.channels[1 + k % cardinality(c.channels)],
      (array['Teaser', 'Announcement', 'Customer story', 'How-to', 'Reminder', 'Last call', 'Recap', 'Behind the scenes', 'FAQ', 'Thank you'])[k]
        || ': ' || c.name,
      'We are live. Read the story on our blog.',
      case when random() < 0.05 then null
        else (c.start_date + floor(random() * (c.end_date - c.start_date + 1))::int)::timestamp at time zone 'UTC'
          + make_interval(hours => 7 + floor(random() * 11)::int, mins => 15 * floor(random() * 4)::int) end,
      c.created_at, c.updated_at
    from campaigns c cross join generate_series(1, ${ITEMS_PER_CAMPAIGN}::int) k
    where c.workspace_id = ${workspaceId}`;

  await sql`
    insert into content_versions (workspace_id, content_item_id, version, title, body, created_at)
    select workspace_id, id, 1, title, body, created_at from content_items where workspace_id = ${workspaceId}`;

  await seedTasks(sql, workspaceId);
  return workspaceId;
}

/**
 * Each campaign's work plan: tasks due across its dates, one in ten unassigned,
 * finished when due well in the past, each waiting on the one before it. Board
 * positions follow creation within each status column, as fractional-index keys.
 */
async function seedTasks(sql: postgres.Sql, workspaceId: string): Promise<void> {
  await sql`
    with assignees as (
      select array_agg(user_id order by user_id) as ids from memberships where workspace_id = ${workspaceId} and role <> 'viewer'
    ),
    drawn as (
      select c.id as campaign_id, c.name as campaign_name, c.start_date, c.end_date, k,
        (c.start_date + ((c.end_date - c.start_date) * k / ${TASKS_PER_CAMPAIGN}::int))::timestamp at time zone 'UTC' + interval '17 hours' as due_at,
        random() as pick, random() as assignee_pick, random() as skill_pick
      from campaigns c cross join generate_series(1, ${TASKS_PER_CAMPAIGN}::int) k
      where c.workspace_id = ${workspaceId}
    ),
    planned as (
      select d.*,
        (case
          when d.due_at < now() - interval '3 days' and d.pick < 0.9 then 'done'
          when d.due_at < now() + interval '7 days' then (array['todo', 'in_progress', 'in_progress', 'blocked', 'in_review'])[1 + floor(d.pick * 5)::int]
          else 'todo'
        end)::task_status as status
      from drawn d
    )
    insert into tasks (workspace_id, campaign_id, title, status, blocked_reason, priority, assignee_id, due_at, estimate_hours,
                       required_skills, position, template_key, completed_at, created_at, updated_at)
    select ${workspaceId}, p.campaign_id,
      (array['Brief', 'Research', 'Outline', 'Copy draft', 'Design', 'Review', 'Landing page', 'Email copy', 'Social posts', 'Ad creative',
             'Tracking', 'QA', 'Approval', 'Schedule', 'Launch', 'Monitor', 'Report draft', 'Follow-up', 'Retro', 'Wrap-up'])[p.k]
        || ': ' || p.campaign_name,
      p.status,
      case when p.status = 'blocked' then 'Waiting on legal' end,
      (enum_range(null::task_priority))[1 + p.k % 4],
      case when p.assignee_pick < 0.1 then null else a.ids[1 + floor(p.assignee_pick * cardinality(a.ids))::int] end,
      p.due_at,
      1 + (p.k * 7) % 16,
      case floor(p.skill_pick * 7)::int
        when 0 then array['copywriting'] when 1 then array['design'] when 2 then array['copywriting', 'seo']
        when 3 then array['social'] when 4 then array['email'] when 5 then array['analytics'] else '{}'::text[] end,
      'a0' || lpad((row_number() over (partition by p.status order by p.campaign_id, p.k))::text, 7, '0') || 'V',
      'bench-' || p.k,
      case when p.status = 'done' then p.due_at end,
      p.start_date::timestamp at time zone 'UTC' - interval '20 days',
      p.start_date::timestamp at time zone 'UTC' - interval '20 days'
    from planned p cross join assignees a`;

  await sql`
    insert into task_dependencies (workspace_id, task_id, depends_on_id)
    select t.workspace_id, t.id, prev.id
    from tasks t
    join tasks prev on prev.campaign_id = t.campaign_id and prev.template_key = 'bench-' || (substring(t.template_key from 7)::int - 1)
    where t.workspace_id = ${workspaceId}`;
}

/** Content items scheduled in the month holding `day` ("2026-03-09"), in the large workspace: how full the benched month is. */
export async function itemsInMonth(url: string, workspaceId: string, day: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from content_items
      where workspace_id = ${workspaceId}
        and scheduled_at >= date_trunc('month', ${day}::date)::timestamp at time zone 'UTC'
        and scheduled_at < (date_trunc('month', ${day}::date) + interval '1 month')::timestamp at time zone 'UTC'`;
    return row!.n;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
