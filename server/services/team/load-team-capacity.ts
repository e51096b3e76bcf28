import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { memberships, tasks, timeOff, users, workspaces } from "@/db/schema";
import type { MemberRole } from "@/db/schema/workspaces";
import type { DayRange } from "./capacity-weeks";
import { profileColumns } from "./profile-columns";

export interface TeamMemberCapacity {
  userId: string;
  name: string;
  role: MemberRole;
  skills: string[];
  weeklyCapacityHours: number;
  workingDays: number[];
  /** Null: the workspace's zone. */
  timeZone: string | null;
  /** Their time off that touches the loaded weeks. */
  timeOff: DayRange[];
  /** Estimate hours of their open tasks due in each loaded week, by its Monday. */
  assignedHours: Map<string, number>;
  /** Their open tasks, and those of them past due. */
  openTasks: number;
  overdueTasks: number;
}

export interface TeamCapacity {
  timeZone: string;
  holidayCountry: string | null;
  members: TeamMemberCapacity[];
}

/**
 * Everything workload and assignment decide on, for the weeks from the Monday
 * `from` up to the day before `to` (days in the workspace's zone): the members with their
 * profiles, their time off in those weeks, and the estimate hours of their open
 * tasks per week. Three set-based reads, whatever the size of the team.
 * An open task is one not done; one without a due date counts in no week, and
 * one without an estimate counts 0 h.
 */
export async function loadTeamCapacity(db: Database, input: { workspaceId: string; from: string; to: string }): Promise<TeamCapacity> {
  const rows = await db
    .select({
      ...profileColumns,
      workspaceTimeZone: workspaces.timeZone,
      holidayCountry: workspaces.holidayCountry,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.workspaceId, input.workspaceId))
    .orderBy(asc(users.name), asc(memberships.userId));
  const zone = rows[0]?.workspaceTimeZone ?? "UTC";

  const away = await db
    .select({ userId: timeOff.userId, startDate: timeOff.startDate, endDate: timeOff.endDate })
    .from(timeOff)
    .where(and(eq(timeOff.workspaceId, input.workspaceId), gte(timeOff.endDate, sql`${input.from}::date - 7`), lte(timeOff.startDate, input.to)));

  // The weeks' bounds as instants: local midnights in the workspace's zone.
  const start = sql`(${input.from}::timestamp at time zone ${zone})`;
  const end = sql`(${input.to}::timestamp at time zone ${zone})`;
  const inRange = sql`${tasks.dueAt} >= ${start} and ${tasks.dueAt} < ${end}`;
  const load = await db
    .select({
      userId: tasks.assigneeId,
      week: sql<string | null>`case when ${inRange} then to_char(date_trunc('week', ${tasks.dueAt} at time zone ${zone}), 'YYYY-MM-DD') end`,
      hours: sql<number>`coalesce(sum(${tasks.estimateHours}), 0)::float8`,
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${tasks.dueAt} < now()))::int`,
    })
    .from(tasks)
    .where(and(eq(tasks.workspaceId, input.workspaceId), sql`${tasks.assigneeId} is not null`, sql`${tasks.status} <> 'done'`))
    .groupBy(sql`1`, sql`2`);

  const members = new Map<string, TeamMemberCapacity>(
    rows.map((row) => [
      row.userId,
      {
        userId: row.userId,
        name: row.name,
        role: row.role,
        skills: row.skills,
        weeklyCapacityHours: row.weeklyCapacityHours,
        workingDays: row.workingDays,
        timeZone: row.timeZone,
        timeOff: [] as DayRange[],
        assignedHours: new Map(),
        openTasks: 0,
        overdueTasks: 0,
      },
    ]),
  );
  for (const range of away) members.get(range.userId)?.timeOff.push({ startDate: range.startDate, endDate: range.endDate });
  for (const row of load) {
    // Tasks of someone who has left the workspace belong to no member here.
    const member = row.userId ? members.get(row.userId) : undefined;
    if (!member) continue;
    member.openTasks += row.open;
    member.overdueTasks += row.overdue;
    if (row.week) member.assignedHours.set(row.week, row.hours);
  }
  return { timeZone: zone, holidayCountry: rows[0]?.holidayCountry ?? null, members: [...members.values()] };
}
