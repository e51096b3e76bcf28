import { createMilestone } from "@/server/services/milestones/create-milestone";
import { deleteMilestone } from "@/server/services/milestones/delete-milestone";
import { regenerateMilestones } from "@/server/services/milestones/regenerate-milestones";
import { rescheduleMilestone } from "@/server/services/milestones/reschedule-milestone";
import { updateMilestone } from "@/server/services/milestones/update-milestone";
import { actorScope, createTRPCRouter, memberProcedure } from "../trpc";
import { createMilestoneInput, milestoneIdInput, regenerateMilestonesInput, rescheduleMilestoneInput, updateMilestoneInput } from "@/server/services/milestones/milestone.schema";


export const milestoneRouter = createTRPCRouter({
  create: memberProcedure.input(createMilestoneInput).mutation(({ ctx, input }) => createMilestone(ctx.db, { ...input, ...actorScope(ctx) })),
  update: memberProcedure.input(updateMilestoneInput).mutation(({ ctx, input }) => updateMilestone(ctx.db, { ...input, ...actorScope(ctx) })),
  reschedule: memberProcedure.input(rescheduleMilestoneInput).mutation(({ ctx, input }) => rescheduleMilestone(ctx.db, { ...input, ...actorScope(ctx) })),
  delete: memberProcedure.input(milestoneIdInput).mutation(({ ctx, input }) => deleteMilestone(ctx.db, { ...input, ...actorScope(ctx) })),
  regenerate: memberProcedure.input(regenerateMilestonesInput).mutation(({ ctx, input }) => regenerateMilestones(ctx.db, { ...input, ...actorScope(ctx) })),
});
