import {
  approvalQueueInput,
  approvalRequestIdInput,
  bulkDecideApprovalInput,
  decideApprovalInput,
  requestContentApprovalInput,
} from "@/server/services/approvals/approvals.schema";
import { bulkDecideApprovals } from "@/server/services/approvals/bulk-decide-approvals";
import { getContentApprovalState } from "@/server/services/approvals/content-approval-state";
import { decideApproval } from "@/server/services/approvals/decide-approval";
import { getApprovalRequest } from "@/server/services/approvals/get-approval-request";
import { countWaitingOnMe, listApprovalQueue } from "@/server/services/approvals/list-approval-queue";
import { requestContentApproval } from "@/server/services/approvals/request-approval";
import { summarizeMyApprovals } from "@/server/services/approvals/summarize-my-approvals";
import { withdrawApproval } from "@/server/services/approvals/withdraw-approval";
import { actorScope, createTRPCRouter, memberProcedure, workspaceProcedure } from "../trpc";

// The approvals queue and the content page's approval panel. Anyone in the workspace may be named an
// approver (a viewer can be a client's reviewer), so deciding is open to every role and decided by the
// request's approvers on the server.
export const approvalRouter = createTRPCRouter({
  queue: workspaceProcedure.input(approvalQueueInput).query(({ ctx, input }) => listApprovalQueue(ctx.db, { ...input, ...actorScope(ctx), role: ctx.workspace.role })),
  waitingCount: workspaceProcedure.query(({ ctx }) => countWaitingOnMe(ctx.db, actorScope(ctx))),
  summary: workspaceProcedure.query(({ ctx }) => summarizeMyApprovals(ctx.db, actorScope(ctx))),
  get: workspaceProcedure.input(approvalRequestIdInput).query(({ ctx, input }) => getApprovalRequest(ctx.db, { ...input, ...actorScope(ctx) })),
  forContent: workspaceProcedure.input(requestContentApprovalInput).query(({ ctx, input }) => getContentApprovalState(ctx.db, { ...input, ...actorScope(ctx) })),
  request: memberProcedure.input(requestContentApprovalInput).mutation(({ ctx, input }) => requestContentApproval(ctx.db, { ...input, ...actorScope(ctx) })),
  decide: workspaceProcedure
    .input(decideApprovalInput)
    .mutation(({ ctx, input }) => decideApproval(ctx.db, { ...input, workspaceId: actorScope(ctx).workspaceId, by: { userId: actorScope(ctx).actorId } })),
  bulkDecide: workspaceProcedure.input(bulkDecideApprovalInput).mutation(({ ctx, input }) => bulkDecideApprovals(ctx.db, { ...input, ...actorScope(ctx) })),
  withdraw: memberProcedure.input(approvalRequestIdInput).mutation(({ ctx, input }) => withdrawApproval(ctx.db, { ...input, ...actorScope(ctx) })),
});
