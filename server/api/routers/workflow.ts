import { cancelRun } from "@/server/services/workflows/cancel-run";
import { getRun } from "@/server/services/workflows/get-run";
import { listFunctions } from "@/server/services/workflows/list-functions";
import { listRuns } from "@/server/services/workflows/list-runs";
import { retryRun } from "@/server/services/workflows/retry-run";
import { wakeStep } from "@/server/services/workflows/wake-step";
import { createTRPCRouter, managerProcedure } from "../trpc";
import { listRunsInput, runIdInput, wakeStepInput } from "@/server/services/workflows/workflow.schema";

export const workflowRouter = createTRPCRouter({
  listRuns: managerProcedure.input(listRunsInput).query(({ ctx, input }) => listRuns(ctx.db, { workspaceId: ctx.workspace.id, ...input })),
  listFunctions: managerProcedure.query(({ ctx }) => listFunctions(ctx.db, { workspaceId: ctx.workspace.id })),
  getRun: managerProcedure.input(runIdInput).query(({ ctx, input }) => getRun(ctx.db, { workspaceId: ctx.workspace.id, ...input })),
  cancelRun: managerProcedure.input(runIdInput).mutation(({ ctx, input }) => cancelRun(ctx.db, { workspaceId: ctx.workspace.id, ...input })),
  retryRun: managerProcedure.input(runIdInput).mutation(({ ctx, input }) => retryRun(ctx.db, { workspaceId: ctx.workspace.id, ...input })),
  wakeStep: managerProcedure.input(wakeStepInput).mutation(({ ctx, input }) => wakeStep(ctx.db, { workspaceId: ctx.workspace.id, ...input })),
});
