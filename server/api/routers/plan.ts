import { campaignIdInput } from "@/server/services/campaigns/campaign.schema";
import { getCriticalPath } from "@/server/services/tasks/get-critical-path";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const planRouter = createTRPCRouter({
  criticalPath: workspaceProcedure.input(campaignIdInput).query(({ ctx, input }) => getCriticalPath(ctx.db, { ...input, workspaceId: ctx.workspace.id })),
});
