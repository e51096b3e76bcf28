import { inviteMember } from "@/server/services/invitations/invite-member";
import { listInvitations } from "@/server/services/invitations/list-invitations";
import { resendInvitation } from "@/server/services/invitations/resend-invitation";
import { revokeInvitation } from "@/server/services/invitations/revoke-invitation";
import { actorScope, adminProcedure, createTRPCRouter } from "../trpc";
import { invitationIdInput, inviteInput, resendInvitationInput } from "@/server/services/invitations/invitation.schema";

export const invitationRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) => listInvitations(ctx.db, { workspaceId: ctx.workspace.id })),
  create: adminProcedure
    .input(inviteInput)
    .mutation(({ ctx, input }) =>
      inviteMember(ctx.db, { workspaceId: ctx.workspace.id, actorId: ctx.session.user.id, ...input }),
    ),
  revoke: adminProcedure
    .input(invitationIdInput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, { ...actorScope(ctx), ...input })),
  resend: adminProcedure
    .input(resendInvitationInput)
    .mutation(({ ctx, input }) => resendInvitation(ctx.db, { workspaceId: ctx.workspace.id, ...input })),
});
