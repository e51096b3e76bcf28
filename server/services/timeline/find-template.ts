import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { type CampaignType, campaignTemplates, type TemplateMilestone, type TemplateTask } from "@/db/schema/campaigns";
import { defaultTemplateTasks } from "./default-template-tasks";
import { defaultTemplates } from "./default-templates";

/**
 * The milestones and tasks a new campaign of `type` gets: the workspace's own
 * template, else the built-in one. A template saved before it had tasks (tasks
 * null) gets the built-in tasks.
 */
export async function findTemplate(
  db: Database,
  input: { workspaceId: string; type: CampaignType },
): Promise<{ milestones: TemplateMilestone[]; tasks: TemplateTask[]; custom: boolean }> {
  const [row] = await db
    .select({ milestones: campaignTemplates.milestones, tasks: campaignTemplates.tasks })
    .from(campaignTemplates)
    .where(and(eq(campaignTemplates.workspaceId, input.workspaceId), eq(campaignTemplates.type, input.type)));
  const tasks = row?.tasks ?? defaultTemplateTasks[input.type];
  return row ? { milestones: row.milestones, tasks, custom: true } : { milestones: defaultTemplates[input.type], tasks, custom: false };
}
