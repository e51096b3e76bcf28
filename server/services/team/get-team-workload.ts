import type { Database } from "@/db";
import { todayIn } from "@/server/services/date-time";
import { planningSettings } from "@/server/services/settings/planning-settings";
import { addDays } from "@/server/services/timeline/business-days";
import { weekCapacity, weeksFrom } from "./capacity-weeks";
import { loadTeamCapacity } from "./load-team-capacity";

export const WORKLOAD_WEEKS = 6;

/**
 * Each member's assigned estimate hours against their capacity for this week and
 * the five after it (weeks start on Monday in the workspace's zone), whether they
 * are over it in a week, and how many of their open tasks are past due. Viewers
 * are left out: nothing is assigned to them.
 */
export async function getTeamWorkload(db: Database, input: { workspaceId: string; now?: Date }) {
  const { timeZone } = await planningSettings(db, input);
  const weeks = weeksFrom(todayIn(timeZone, input.now), WORKLOAD_WEEKS);
  const team = await loadTeamCapacity(db, { workspaceId: input.workspaceId, from: weeks[0]!, to: addDays(weeks.at(-1)!, 7) });
  const members = team.members
    .filter((member) => member.role !== "viewer")
    .map((member) => {
      const perWeek = weeks.map((weekStart) => {
        const capacityHours = weekCapacity(member, weekStart, team.holidayCountry);
        const assignedHours = Math.round((member.assignedHours.get(weekStart) ?? 0) * 10) / 10;
        return { weekStart, assignedHours, capacityHours, over: assignedHours > capacityHours };
      });
      return {
        userId: member.userId,
        name: member.name,
        weeks: perWeek,
        overWeeks: perWeek.filter((week) => week.over).map((week) => week.weekStart),
        openTasks: member.openTasks,
        overdueTasks: member.overdueTasks,
      };
    });
  return { timeZone, weeks, members };
}
export type TeamWorkload = Awaited<ReturnType<typeof getTeamWorkload>>;
