import type { MemberRole } from "@/db/schema/workspaces";
import { changeCampaignStatus, restoreCampaign } from "@/server/services/campaigns/change-campaign-status";
import { createCampaign } from "@/server/services/campaigns/create-campaign";
import { deleteCampaign } from "@/server/services/campaigns/delete-campaign";
import { getCampaign } from "@/server/services/campaigns/get-campaign";
import { listCampaignActivity } from "@/server/services/campaigns/list-campaign-activity";
import { listCampaigns } from "@/server/services/campaigns/list-campaigns";
import { updateCampaign } from "@/server/services/campaigns/update-campaign";
import { actorScope, createTRPCRouter, memberProcedure, workspaceProcedure } from "../trpc";
import {
  campaignActivityInput,
  campaignIdInput,
  changeCampaignStatusInput,
  createCampaignInput,
  listCampaignsInput,
  updateCampaignInput,
} from "@/server/services/campaigns/campaign.schema";

/** The actor, and their role for reading what they may do next (writes re-read the role under lock). */
const scope = (ctx: Parameters<typeof actorScope>[0] & { workspace: { role: MemberRole } }) => ({ ...actorScope(ctx), role: ctx.workspace.role });

export const campaignRouter = createTRPCRouter({
  list: workspaceProcedure.input(listCampaignsInput).query(({ ctx, input }) => listCampaigns(ctx.db, { ...input, workspaceId: ctx.workspace.id })),
  get: workspaceProcedure
    .input(campaignIdInput)
    .query(({ ctx, input }) => getCampaign(ctx.db, { ...input, ...scope(ctx) })),
  activity: workspaceProcedure
    .input(campaignActivityInput)
    .query(({ ctx, input }) => listCampaignActivity(ctx.db, { ...input, workspaceId: ctx.workspace.id })),
  create: memberProcedure.input(createCampaignInput).mutation(({ ctx, input }) => createCampaign(ctx.db, { ...input, ...actorScope(ctx) })),
  update: memberProcedure
    .input(updateCampaignInput)
    .mutation(({ ctx, input }) => updateCampaign(ctx.db, { ...input, ...actorScope(ctx) })),
  setStatus: memberProcedure
    .input(changeCampaignStatusInput)
    .mutation(({ ctx, input }) => changeCampaignStatus(ctx.db, { ...input, ...actorScope(ctx) })),
  restore: memberProcedure.input(campaignIdInput).mutation(({ ctx, input }) => restoreCampaign(ctx.db, { ...input, ...actorScope(ctx) })),
  delete: memberProcedure.input(campaignIdInput).mutation(({ ctx, input }) => deleteCampaign(ctx.db, { ...input, ...actorScope(ctx) })),
});
