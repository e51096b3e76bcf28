import { deleteApprovalPolicy } from "@/server/services/approval-policies/delete-approval-policy";
import { listApprovalPolicies } from "@/server/services/approval-policies/list-approval-policies";
import { saveApprovalPolicy } from "@/server/services/approval-policies/save-approval-policy";
import { actorScope, adminProcedure, createTRPCRouter, workspaceProcedure } from "../trpc";
import { approvalPolicyIdInput, saveApprovalPolicyInput } from "@/server/services/approval-policies/approval-policies.schema";

export const approvalPolicyRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listApprovalPolicies(ctx.db, { workspaceId: ctx.workspace.id })),
  save: adminProcedure.input(saveApprovalPolicyInput).mutation(({ ctx, input }) => saveApprovalPolicy(ctx.db, { ...input, ...actorScope(ctx) })),
  delete: adminProcedure.input(approvalPolicyIdInput).mutation(({ ctx, input }) => deleteApprovalPolicy(ctx.db, { ...input, ...actorScope(ctx) })),
});
