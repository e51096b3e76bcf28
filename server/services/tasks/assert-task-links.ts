import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { campaigns, contentItems, memberships, milestones, workspaces } from "@/db/schema";
import { fieldError } from "@/server/errors";

export interface TaskLinks {
  campaignId?: string | null;
  milestoneId?: string | null;
  contentItemId?: string | null;
  assigneeId?: string | null;
  requiredSkills?: string[];
}

/**
 * Everything a task points at belongs to the workspace: its campaign, a milestone
 * or content item of that campaign, an assignee who is a member (not a viewer,
 * who only reads), and skills of the workspace's catalogue. Field errors name the
 * field at fault; another workspace's rows read as missing.
 */
export async function assertTaskLinks(tx: Database, workspaceId: string, links: TaskLinks): Promise<void> {
  const { campaignId, milestoneId, contentItemId, assigneeId, requiredSkills } = links;
  if (campaignId) {
    const [campaign] = await tx
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, campaignId)));
    if (!campaign) throw fieldError("campaignId", "That campaign does not exist in this workspace.");
  }
  if (milestoneId) {
    if (!campaignId) throw fieldError("milestoneId", "Choose the campaign before one of its milestones.");
    const [milestone] = await tx
      .select({ id: milestones.id })
      .from(milestones)
      .where(and(eq(milestones.workspaceId, workspaceId), eq(milestones.campaignId, campaignId), eq(milestones.id, milestoneId)));
    if (!milestone) throw fieldError("milestoneId", "That milestone is not part of the task's campaign.");
  }
  if (contentItemId) {
    if (!campaignId) throw fieldError("contentItemId", "Choose the campaign before one of its content items.");
    const [item] = await tx
      .select({ id: contentItems.id })
      .from(contentItems)
      .where(and(eq(contentItems.workspaceId, workspaceId), eq(contentItems.campaignId, campaignId), eq(contentItems.id, contentItemId)));
    if (!item) throw fieldError("contentItemId", "That content item is not part of the task's campaign.");
  }
  if (assigneeId) {
    const [member] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, assigneeId)));
    if (!member) throw fieldError("assigneeId", "That person is not a member of this workspace.");
    if (member.role === "viewer") throw fieldError("assigneeId", "Viewers only read: make them a marketer to assign them tasks.");
  }
  if (requiredSkills?.length) {
    const [workspace] = await tx.select({ skills: workspaces.skills }).from(workspaces).where(eq(workspaces.id, workspaceId));
    const unknown = requiredSkills.filter((skill) => !workspace?.skills.includes(skill));
    if (unknown.length) {
      throw fieldError(
        "requiredSkills",
        `${unknown.map((skill) => `“${skill}”`).join(", ")} ${unknown.length === 1 ? "is not a skill" : "are not skills"} of this workspace. Add ${unknown.length === 1 ? "it" : "them"} on the Team page first.`,
      );
    }
  }
}
