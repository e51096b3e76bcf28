import { and, eq, gte, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { memberships, taskDependencies, tasks, timeOff, users } from "@/db/schema";
import { findCampaign } from "@/server/services/campaigns/find-campaign";
import { todayIn } from "@/server/services/date-time/format";
import { instantAt } from "@/server/services/date-time/wall-clock";
import { planningSettings } from "@/server/services/settings/planning-settings";
import { addDays, isBusinessDay } from "@/server/services/timeline/business-days";
import { scheduleCriticalPath } from "./schedule-critical-path";
import { defaultCalendar, memberCalendar, type WorkCalendar } from "./working-calendar";

/**
 * The chain of tasks that decides a campaign's launch, and whether the launch
 * (the end of its launch day in the workspace's zone) holds. Worked out afresh
 * on every read from the campaign's tasks and its people's calendars, so it is
 * never stale; one campaign's tasks are few.
 */
export async function getCriticalPath(db: Database, input: { workspaceId: string; campaignId: string; now?: Date }) {
  const now = input.now ?? new Date();
  const campaign = await findCampaign(db, input);
  const settings = await planningSettings(db, input);
  const rows = await db
    .select({ id: tasks.id, title: tasks.title, status: tasks.status, estimateHours: tasks.estimateHours, assigneeId: tasks.assigneeId, dueAt: tasks.dueAt })
    .from(tasks)
    .where(and(eq(tasks.workspaceId, input.workspaceId), eq(tasks.campaignId, campaign.id)));
  const ids = rows.map((row) => row.id);
  const assigneeIds = [...new Set(rows.flatMap((row) => (row.assigneeId ? [row.assigneeId] : [])))];
  const [dependencies, people, away] = await Promise.all([
    ids.length === 0
      ? []
      : db
          .select({ taskId: taskDependencies.taskId, dependsOnId: taskDependencies.dependsOnId })
          .from(taskDependencies)
          .where(and(eq(taskDependencies.workspaceId, input.workspaceId), inArray(taskDependencies.taskId, ids))),
    assigneeIds.length === 0
      ? []
      : db
          .select({
            userId: memberships.userId,
            name: users.name,
            weeklyCapacityHours: memberships.weeklyCapacityHours,
            workingDays: memberships.workingDays,
            timeZone: memberships.timeZone,
          })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(eq(memberships.workspaceId, input.workspaceId), inArray(memberships.userId, assigneeIds))),
    assigneeIds.length === 0
      ? []
      : db
          .select({ userId: timeOff.userId, startDate: timeOff.startDate, endDate: timeOff.endDate })
          .from(timeOff)
          .where(and(eq(timeOff.workspaceId, input.workspaceId), inArray(timeOff.userId, assigneeIds), gte(timeOff.endDate, addDays(todayIn(settings.timeZone, now), -1)))),
  ]);

  const workspaceCalendar = defaultCalendar({ timeZone: settings.timeZone, country: settings.holidayCountry });
  const calendars = new Map<string, WorkCalendar>();
  for (const person of people) {
    const calendar = memberCalendar({
      timeZone: person.timeZone ?? settings.timeZone,
      country: settings.holidayCountry,
      workingDays: person.workingDays,
      weeklyCapacityHours: person.weeklyCapacityHours,
      timeOff: away.filter((off) => off.userId === person.userId),
    });
    // Someone with no hours at all would never finish anything: their work is counted in the workspace's hours instead.
    calendars.set(person.userId, calendar.hoursPerDay > 0 ? calendar : { ...workspaceCalendar, timeOff: calendar.timeOff });
  }

  const launchAt = instantAt(addDays(campaign.launchDate, 1), 0, settings.timeZone);
  const result = scheduleCriticalPath({
    tasks: rows.map((row) => ({ ...row, done: row.status === "done" })),
    dependencies,
    calendars,
    defaultCalendar: workspaceCalendar,
    launchAt,
    now,
  });

  const byId = new Map(rows.map((row) => [row.id, row]));
  const nameOf = new Map(people.map((person) => [person.userId, person.name]));
  const lastFinishDay = result.lastFinish ? todayIn(settings.timeZone, result.lastFinish) : null;
  return {
    campaignId: campaign.id,
    launchDate: campaign.launchDate,
    taskCount: rows.length,
    openTaskCount: rows.filter((row) => row.status !== "done").length,
    holds: result.holds,
    lastFinish: result.lastFinish,
    /** Business days between the last finish and the launch day (the launch day counted), or by which the launch slips. */
    spareBusinessDays: result.holds && lastFinishDay ? businessDaysAfter(lastFinishDay, campaign.launchDate, settings.holidayCountry) : null,
    slipBusinessDays: !result.holds && lastFinishDay ? Math.max(1, businessDaysAfter(campaign.launchDate, lastFinishDay, settings.holidayCountry)) : null,
    chain: result.chain.map((id) => {
      const task = byId.get(id)!;
      const scheduled = result.scheduled.get(id)!;
      return {
        id,
        title: task.title,
        status: task.status,
        assigneeName: task.assigneeId ? (nameOf.get(task.assigneeId) ?? null) : null,
        estimateHours: task.estimateHours,
        earliestFinish: scheduled.earliestFinish,
        slackHours: Math.round(scheduled.slackHours * 10) / 10,
      };
    }),
    inCircle: result.inCircle.map((id) => byId.get(id)!.title),
  };
}

/** The business days after `from` up to and including `to`. */
function businessDaysAfter(from: string, to: string, country: string | null): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isBusinessDay(day, country)) count++;
  return count;
}

export type CriticalPath = Awaited<ReturnType<typeof getCriticalPath>>;
