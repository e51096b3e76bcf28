import type { TemplateMilestone } from "@/db/schema/campaigns";
import { addBusinessDays, toBusinessDay } from "./business-days";

export interface PlannedMilestone extends TemplateMilestone {
  dueDate: string;
  /** Its place in the template, kept as the milestone's position. */
  position: number;
}

/**
 * Dates a template's milestones from the launch day, counting business days
 * (weekends and `country`'s public holidays skipped). Each milestone before
 * launch gets `bufferDays` more business days of slack ahead of it. A
 * milestone on the launch day moves to the business day before when launch
 * falls on a weekend or holiday; those after launch only ever land on business days.
 */
export function planTimeline(input: { launchDate: string; milestones: TemplateMilestone[]; bufferDays: number; country: string | null }): PlannedMilestone[] {
  const planned = input.milestones.map((milestone, position) => {
    const offset = milestone.businessDaysBeforeLaunch;
    const dueDate =
      offset === 0
        ? toBusinessDay(input.launchDate, input.country, -1)
        : addBusinessDays(input.launchDate, offset > 0 ? -(offset + input.bufferDays) : -offset, input.country);
    return { ...milestone, dueDate, position };
  });
  return planned.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.position - b.position);
}
