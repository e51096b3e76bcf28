import { createWorkspace } from "@/server/services/workspaces/create-workspace";
import { listMyWorkspaces } from "@/server/services/workspaces/list-my-workspaces";
import { createTRPCRouter, protectedProcedure, workspaceProcedure } from "../trpc";
import { createWorkspaceInput } from "@/server/services/workspaces/workspace.schema";

export const workspaceRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listMyWorkspaces(ctx.db, { userId: ctx.session.user.id })),
  current: workspaceProcedure.query(({ ctx }) => ctx.workspace),
  create: protectedProcedure
    .input(createWorkspaceInput)
    .mutation(({ ctx, input }) => createWorkspace(ctx.db, { actorId: ctx.session.user.id, name: input.name })),
});
