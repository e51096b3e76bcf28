import type { Database } from "@/db";
import { type Campaign, type Milestone, milestones } from "@/db/schema";
import { planningSettings } from "@/server/services/settings/planning-settings";
import { findTemplate } from "@/server/services/timeline/find-template";
import { planTimeline } from "@/server/services/timeline/plan-timeline";

/**
 * Inserts the milestones of the campaign's template, dated back from its launch,
 * inside the caller's transaction (the caller records it). Milestones that land
 * outside the campaign's dates are kept (the plan is the team's call) and named
 * in `warnings`, for the form to show.
 */
export async function generateMilestones(tx: Database, input: { campaign: Campaign; bufferDays: number }) {
  const { campaign } = input;
  const settings = await planningSettings(tx, { workspaceId: campaign.workspaceId });
  const template = await findTemplate(tx, { workspaceId: campaign.workspaceId, type: campaign.type });
  const planned = planTimeline({ launchDate: campaign.launchDate, milestones: template.milestones, bufferDays: input.bufferDays, country: settings.holidayCountry });

  const rows = await tx
    .insert(milestones)
    .values(planned.map((m) => ({ workspaceId: campaign.workspaceId, campaignId: campaign.id, name: m.name, dueDate: m.dueDate, position: m.position })))
    .returning();

  const warnings: string[] = [];
  for (const m of planned) {
    if (m.dueDate < campaign.startDate) warnings.push(`“${m.name}” is due ${m.dueDate}, before the campaign starts (${campaign.startDate}).`);
    else if (m.dueDate > campaign.endDate) warnings.push(`“${m.name}” is due ${m.dueDate}, after the campaign ends (${campaign.endDate}).`);
  }
  return { milestones: rows.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.position - b.position), warnings };
}

/** A timeline as its campaign's history shows it: one entry for the whole plan rather than one per milestone. */
export function timelineAuditView(rows: Milestone[]) {
  return rows.map((row) => ({ name: row.name, dueDate: row.dueDate }));
}
