import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { type CampaignType, campaignTemplates, type TemplateMilestone } from "@/db/schema/campaigns";
import { defaultTemplates } from "./default-templates";

/** The milestones a new campaign of `type` gets: the workspace's own template, else the built-in one. */
export async function findTemplate(
  db: Database,
  input: { workspaceId: string; type: CampaignType },
): Promise<{ milestones: TemplateMilestone[]; custom: boolean }> {
  const [row] = await db
    .select({ milestones: campaignTemplates.milestones })
    .from(campaignTemplates)
    .where(and(eq(campaignTemplates.workspaceId, input.workspaceId), eq(campaignTemplates.type, input.type)));
  return row ? { milestones: row.milestones, custom: true } : { milestones: defaultTemplates[input.type], custom: false };
}
