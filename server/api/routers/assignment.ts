import { assignCampaignAutomatically, assignTaskAutomatically } from "@/server/services/tasks/assign-automatically";
import { actorScope, createTRPCRouter, memberProcedure } from "../trpc";
import { assignCampaignInput, assignTaskInput } from "@/server/services/tasks/assignment.schema";

export const assignmentRouter = createTRPCRouter({
  assignTask: memberProcedure.input(assignTaskInput).mutation(({ ctx, input }) => assignTaskAutomatically(ctx.db, { ...input, ...actorScope(ctx) })),
  assignCampaign: memberProcedure.input(assignCampaignInput).mutation(({ ctx, input }) => assignCampaignAutomatically(ctx.db, { ...input, ...actorScope(ctx) })),
});
