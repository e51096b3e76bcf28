import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { type CampaignType, campaignTemplates } from "@/db/schema/campaigns";
import type { UpdateTemplateInput } from "./timeline.schema";
import { recordAudit } from "@/server/services/audit/record-audit";
import { defaultTemplates } from "./default-templates";
import { findTemplate } from "./find-template";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { AppError } from "@/server/errors";
import { planningSettings } from "@/server/services/settings/planning-settings";
import { defaultTemplateTasks } from "./default-template-tasks";
import { templateTaskProblems } from "./template-task-problems";

/**
 * Saves the workspace's own timeline and tasks for a campaign type; campaigns
 * created afterwards use them. Without `tasks` the stored ones stay as they are.
 */
export async function updateTemplate(db: Database, input: UpdateTemplateInput & { workspaceId: string; actorId: string }) {
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "manager");
    const before = await findTemplate(tx, input);
    const [stored] = await tx
      .select({ tasks: campaignTemplates.tasks })
      .from(campaignTemplates)
      .where(and(eq(campaignTemplates.workspaceId, input.workspaceId), eq(campaignTemplates.type, input.type)));
    const tasks = input.tasks ? input.tasks.map(withoutEmptyChannel) : (stored?.tasks ?? null);
    if (input.tasks) {
      const { skills } = await planningSettings(tx, input);
      const problems = templateTaskProblems({ tasks: input.tasks, milestoneNames: input.milestones.map((m) => m.name), skills });
      if (problems.length > 0) {
        const fieldErrors: Record<string, string[]> = {};
        for (const problem of problems) (fieldErrors[problem.path.join(".")] ??= []).push(problem.message);
        throw new AppError("BAD_REQUEST", problems[0]!.message, { fieldErrors });
      }
    }
    const after = { milestones: input.milestones, tasks: tasks ?? defaultTemplateTasks[input.type] };
    if (before.custom && JSON.stringify({ milestones: before.milestones, tasks: before.tasks }) === JSON.stringify(after)) {
      return { type: input.type, custom: true, ...after };
    }
    await tx
      .insert(campaignTemplates)
      .values({ workspaceId: input.workspaceId, type: input.type, milestones: input.milestones, tasks, updatedById: input.actorId })
      .onConflictDoUpdate({
        target: [campaignTemplates.workspaceId, campaignTemplates.type],
        set: { milestones: input.milestones, tasks, updatedById: input.actorId, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actorId: input.actorId,
      entityType: "campaign_template",
      entityId: input.type,
      action: "updated",
      before: { milestones: before.milestones, tasks: before.tasks, custom: before.custom },
      after: { ...after, custom: true },
    });
    return { type: input.type, custom: true, ...after };
  });
}

/** Drops the workspace's own timeline for a campaign type, back to the built-in one. */
export async function resetTemplate(db: Database, input: { workspaceId: string; actorId: string; type: CampaignType }) {
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "manager");
    const [removed] = await tx
      .delete(campaignTemplates)
      .where(and(eq(campaignTemplates.workspaceId, input.workspaceId), eq(campaignTemplates.type, input.type)))
      .returning();
    const builtIn = defaultTemplates[input.type];
    if (removed) {
      await recordAudit(tx, {
        workspaceId: input.workspaceId,
        actorId: input.actorId,
        entityType: "campaign_template",
        entityId: input.type,
        action: "reset",
        before: { milestones: removed.milestones, tasks: removed.tasks ?? defaultTemplateTasks[input.type], custom: true },
        after: { milestones: builtIn, tasks: defaultTemplateTasks[input.type], custom: false },
      });
    }
    return { type: input.type, custom: false, milestones: builtIn, tasks: defaultTemplateTasks[input.type] };
  });
}

/** jsonb keeps no `undefined`: a task for every channel is stored without the field, so a save reads back as it was sent. */
function withoutEmptyChannel<T extends { channel?: unknown }>(task: T): T {
  if (task.channel !== undefined) return task;
  const { channel: _channel, ...rest } = task;
  return rest as T;
}
