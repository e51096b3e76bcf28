import type { Database } from "@/db";
import type { PreviewTimelineInput } from "./timeline.schema";
import { planningSettings } from "@/server/services/settings/planning-settings";
import { findTemplate } from "./find-template";
import { planTimeline } from "./plan-timeline";

/** The dated milestones a campaign of this type launching on this day would get, for the campaign form. */
export async function previewTimeline(db: Database, input: PreviewTimelineInput & { workspaceId: string }) {
  const settings = await planningSettings(db, input);
  const template = await findTemplate(db, input);
  const bufferDays = input.bufferDays ?? settings.milestoneBufferDays;
  return {
    bufferDays,
    holidayCountry: settings.holidayCountry,
    milestones: planTimeline({ launchDate: input.launchDate, milestones: template.milestones, bufferDays, country: settings.holidayCountry }),
  };
}
