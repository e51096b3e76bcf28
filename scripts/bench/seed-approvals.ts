// The approvals suite's data, added to the large workspace: 20,000 requests on
// its content items (2,000 at --scale=small), two in five pending (on items not
// scheduled within the next month, so none expires while measured), the rest
// decided over the past months. Each pending request waits on two of the
// managers; the member who signs in (the admin) is an approver of one in twenty,
// about 400 waiting on them. Set-based SQL, seconds at full scale.
import postgres from "postgres";
import type { Scale } from "./seed";

export const APPROVAL_REQUESTS = { full: 20_000, small: 2_000 } as const;

const stages = [
  {
    name: "Marketing review",
    approvers: { userIds: [], roles: ["manager"], emails: [] },
    rule: "any",
    quorum: null,
    remindEveryHours: 4,
    timeout: { amount: 8, unit: "business_hours" },
    onTimeout: { remind: true, escalateTo: null, then: "wait" },
  },
  {
    name: "Admin sign-off",
    approvers: { userIds: [], roles: ["admin"], emails: [] },
    rule: "any",
    quorum: null,
    remindEveryHours: null,
    timeout: { amount: 2, unit: "business_days" },
    onTimeout: { remind: true, escalateTo: null, then: "expire" },
  },
];

/** Adds the requests once; returns how many the workspace holds. */
export async function seedApprovalRequests(url: string, input: { workspaceId: string; adminEmail: string; scale: Scale }): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [existing] = await sql<{ n: number }[]>`select count(*)::int as n from approval_requests where workspace_id = ${input.workspaceId}`;
    if (existing!.n > 0) return existing!.n;
    const total = APPROVAL_REQUESTS[input.scale];
    // Pending requests are on items not due out for a month: one whose publish time has passed would be
    // expired by the app's five-minute sweep (200 at a time, each with its notifications) in the middle of
    // a measurement, and change the very queue being measured.
    const laterFirst = sql`(ci.scheduled_at is null or ci.scheduled_at > now() + interval '30 days') desc`;
    await sql`select setseed(0.17)`;
    const [policy] = await sql<{ id: string }[]>`
      insert into approval_policies (workspace_id, name, stages, channels)
      values (${input.workspaceId}, 'Bench review', ${sql.json(stages)}, '{linkedin,x,instagram}') returning id`;
    await sql`
      with managers as (
        select array_agg(user_id order by user_id) as ids from memberships where workspace_id = ${input.workspaceId} and role = 'manager'
      ),
      requesters as (
        select array_agg(user_id order by user_id) as ids from memberships where workspace_id = ${input.workspaceId} and role = 'marketer'
      ),
      picked as (
        select ci.id, ci.campaign_id, ci.channel, ci.version, row_number() over (order by ${laterFirst}, ci.id) as n
        from content_items ci where ci.workspace_id = ${input.workspaceId} order by ${laterFirst}, ci.id limit ${total}
      ),
      drawn as (
        select p.*, (p.n <= ${(total * 2) / 5}) as pending, now() - (random() * interval '120 days') as asked, random() as due_pick
        from picked p
      )
      insert into approval_requests (workspace_id, subject, content_item_id, campaign_id, channel, policy_id, policy_name, stages,
        allow_self_approval, version, fingerprint, status, stage_index, round, stage_started_at, stage_due_at, requested_by_id,
        requested_at, decided_at, updated_at)
      select ${input.workspaceId}, 'content_item', d.id, d.campaign_id, d.channel, ${policy!.id}, 'Bench review', ${sql.json(stages)},
        false, d.version, md5(d.id::text),
        (case when d.pending then 'pending' else (array['approved', 'approved', 'approved', 'rejected', 'expired', 'withdrawn'])[1 + d.n % 6] end)::approval_request_status,
        case when d.pending then (d.n % 2)::int else 0 end,
        1,
        d.asked,
        case when d.pending then now() + (d.due_pick * interval '6 days') - interval '2 days' end,
        r.ids[1 + (d.n % cardinality(r.ids))::int],
        d.asked,
        case when d.pending then null else d.asked + interval '1 day' end,
        d.asked
      from drawn d cross join requesters r`;
    // Two managers per request (pending ones still waiting), and the admin on one in twenty pending requests.
    await sql`
      with managers as (
        select array_agg(user_id order by user_id) as ids from memberships where workspace_id = ${input.workspaceId} and role = 'manager'
      ),
      requests as (
        select r.id, r.status, r.stage_due_at, r.requested_at, row_number() over (order by r.id) as n from approval_requests r where r.workspace_id = ${input.workspaceId}
      )
      insert into approval_approvers (workspace_id, request_id, stage_index, round, user_id, token_nonce, waiting, due_at, requested_at)
      select ${input.workspaceId}, q.id, 0, 1, m.ids[1 + ((q.n + k) % cardinality(m.ids))::int], md5(q.id::text || k), q.status = 'pending', q.stage_due_at, q.requested_at
      from requests q cross join managers m cross join generate_series(0, 1) k`;
    await sql`
      with requests as (
        select r.id, r.stage_due_at, r.requested_at, row_number() over (order by r.id) as n from approval_requests r where r.workspace_id = ${input.workspaceId} and r.status = 'pending'
      )
      insert into approval_approvers (workspace_id, request_id, stage_index, round, user_id, token_nonce, waiting, due_at, requested_at)
      select ${input.workspaceId}, q.id, 0, 1, u.id, md5(q.id::text || 'admin'), true, q.stage_due_at, q.requested_at
      from requests q cross join (select id from users where email = ${input.adminEmail}) u
      where q.n % 20 = 0`;
    const [soon] = await sql<{ n: number }[]>`
      select count(*)::int as n from approval_requests r join content_items ci on ci.id = r.content_item_id
      where r.workspace_id = ${input.workspaceId} and r.status = 'pending' and ci.scheduled_at < now() + interval '1 day'`;
    if (soon!.n > 0) throw new Error(`${soon!.n} pending requests are on items due out within a day: the expiry sweep would change them mid-measurement`);
    await sql`vacuum analyze approval_requests`;
    await sql`vacuum analyze approval_approvers`;
    return total;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
