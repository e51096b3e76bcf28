import type { TemplateTask } from "@/db/schema/campaigns";
import type { Channel } from "@/db/schema/enum-values";
import { instantAt } from "@/server/services/date-time/wall-clock";
import { addBusinessDays, toBusinessDay } from "./business-days";

/** Work is due at the end of the working day, in the workspace's zone. */
export const END_OF_WORKING_DAY_MINUTES = 17 * 60;

export interface PlannedTask {
  key: string;
  title: string;
  estimateHours: number;
  skills: string[];
  /** Keys of the planned tasks it waits on (dependencies on tasks left out are dropped). */
  dependsOn: string[];
  milestoneId: string | null;
  dueAt: Date;
}

/**
 * The tasks a campaign gets from its template: the ones for every channel plus
 * the checklists of the campaign's own channels, each due at 17:00 (workspace
 * zone) `businessDaysBefore` business days before its milestone's due date. A
 * task whose milestone the campaign doesn't have (a template changed since) is
 * due before the launch day's work instead.
 */
export function planTasks(input: {
  tasks: TemplateTask[];
  channels: Channel[];
  milestones: { id: string; name: string; dueDate: string }[];
  launchDate: string;
  country: string | null;
  timeZone: string;
}): PlannedTask[] {
  const milestoneByName = new Map(input.milestones.map((m) => [m.name, m]));
  const wanted = input.tasks.filter((task) => !task.channel || input.channels.includes(task.channel));
  const keys = new Set(wanted.map((task) => task.key));
  return wanted.map((task) => {
    const milestone = milestoneByName.get(task.milestone);
    const anchor = milestone?.dueDate ?? toBusinessDay(input.launchDate, input.country, -1);
    const day = addBusinessDays(anchor, -task.businessDaysBefore, input.country);
    return {
      key: task.key,
      title: task.title,
      estimateHours: task.estimateHours,
      skills: task.skills,
      dependsOn: task.dependsOn.filter((key) => keys.has(key) && key !== task.key),
      milestoneId: milestone?.id ?? null,
      dueAt: instantAt(day, END_OF_WORKING_DAY_MINUTES, input.timeZone),
    };
  });
}
