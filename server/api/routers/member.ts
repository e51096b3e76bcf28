import { changeMemberRole } from "@/server/services/members/change-member-role";
import { listMembers } from "@/server/services/members/list-members";
import { removeMember } from "@/server/services/members/remove-member";
import { actorScope, adminProcedure, createTRPCRouter, workspaceProcedure } from "../trpc";
import { changeRoleInput, memberIdInput } from "@/server/services/members/member.schema";

export const memberRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listMembers(ctx.db, { workspaceId: ctx.workspace.id })),
  changeRole: adminProcedure
    .input(changeRoleInput)
    .mutation(({ ctx, input }) => changeMemberRole(ctx.db, { ...actorScope(ctx), ...input })),
  remove: adminProcedure
    .input(memberIdInput)
    .mutation(({ ctx, input }) => removeMember(ctx.db, { ...actorScope(ctx), ...input })),
});
