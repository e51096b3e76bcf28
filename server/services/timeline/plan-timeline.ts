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
 * launch gets `bufferDays` more business days of slack ahead of it. Milestones
 * are work due, so they land on business days only.
 *
 * A launch on a weekend or holiday keeps its date (the webinar really is that
 * Saturday); the launch-day milestone is due the business day before, and the
 * milestones ahead of it count back from that day, not from the launch. Counted
 * from the launch, "1 business day before" would be that same Friday, and "Dry
 * run" and "Webinar day" would share a date: the team would lose the day between
 * them that the template gives. Moving the launch-day work to the next business
 * day instead would put it after the launch. Milestones after launch count
 * forward from the launch date itself.
 */
export function planTimeline(input: { launchDate: string; milestones: TemplateMilestone[]; bufferDays: number; country: string | null }): PlannedMilestone[] {
  const launchWorkDay = toBusinessDay(input.launchDate, input.country, -1);
  const planned = input.milestones.map((milestone, position) => {
    const offset = milestone.businessDaysBeforeLaunch;
    const dueDate =
      offset === 0
        ? launchWorkDay
        : offset > 0
          ? addBusinessDays(launchWorkDay, -(offset + input.bufferDays), input.country)
          : addBusinessDays(input.launchDate, -offset, input.country);
    return { ...milestone, dueDate, position };
  });
  return planned.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.position - b.position);
}
