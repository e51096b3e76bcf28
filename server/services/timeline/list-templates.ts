import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { campaignTemplates, campaignTypes } from "@/db/schema/campaigns";
import { defaultTemplateTasks } from "./default-template-tasks";
import { defaultTemplates } from "./default-templates";

/** Every campaign type's timeline and tasks, flagged `custom` where the workspace has its own; with the skills tasks may require. */
export async function listTemplates(db: Database, input: { workspaceId: string }) {
  const rows = await db
    .select({ type: campaignTemplates.type, milestones: campaignTemplates.milestones, tasks: campaignTemplates.tasks, updatedAt: campaignTemplates.updatedAt })
    .from(campaignTemplates)
    .where(eq(campaignTemplates.workspaceId, input.workspaceId));
  const own = new Map(rows.map((row) => [row.type, row]));
  return campaignTypes.map((type) => {
    const row = own.get(type);
    return {
      type,
      custom: Boolean(row),
      milestones: row?.milestones ?? defaultTemplates[type],
      tasks: row?.tasks ?? defaultTemplateTasks[type],
      updatedAt: row?.updatedAt ?? null,
    };
  });
}
