import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { campaigns, milestones } from "@/db/schema";
import type { MemberRole } from "@/db/schema/workspaces";
import { hasRole } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { allowedTransitions } from "./campaign-status";

/** One campaign with its owner and milestones, and what the viewer may do with it. */
export async function getCampaign(db: Database, input: { workspaceId: string; campaignId: string; actorId: string; role: MemberRole }) {
  const campaign = await db.query.campaigns.findFirst({
    where: and(eq(campaigns.workspaceId, input.workspaceId), eq(campaigns.id, input.campaignId)),
    with: {
      owner: { columns: { id: true, name: true, email: true } },
      milestones: { orderBy: [asc(milestones.dueDate), asc(milestones.position)] },
    },
  });
  if (!campaign) throw new AppError("NOT_FOUND", "That campaign does not exist in this workspace.");
  return {
    ...campaign,
    allowedStatuses: allowedTransitions(campaign.status, input.role),
    canEdit: campaign.status !== "archived" && hasRole(input.role, "marketer"),
    canRestore: campaign.status === "archived" && hasRole(input.role, "marketer"),
    canDelete: campaign.ownerId === input.actorId ? hasRole(input.role, "marketer") : hasRole(input.role, "manager"),
  };
}
