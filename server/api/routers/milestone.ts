import { rescheduleMilestone } from "@/server/services/milestones/reschedule-milestone";
import { createTRPCRouter, memberProcedure } from "../trpc";
import { rescheduleMilestoneInput } from "./milestone.schema";

const scope = (ctx: { workspace: { id: string }; session: { user: { id: string } } }) => ({ workspaceId: ctx.workspace.id, actorId: ctx.session.user.id });

export const milestoneRouter = createTRPCRouter({
  reschedule: memberProcedure.input(rescheduleMilestoneInput).mutation(({ ctx, input }) => rescheduleMilestone(ctx.db, { ...input, ...scope(ctx) })),
});
