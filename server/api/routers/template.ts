import { listTemplates } from "@/server/services/timeline/list-templates";
import { previewTimeline } from "@/server/services/timeline/preview-timeline";
import { resetTemplate, updateTemplate } from "@/server/services/timeline/update-template";
import { actorScope, createTRPCRouter, managerProcedure, workspaceProcedure } from "../trpc";
import { previewTimelineInput, templateTypeInput, updateTemplateInput } from "@/server/services/timeline/timeline.schema";


export const templateRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listTemplates(ctx.db, { workspaceId: ctx.workspace.id })),
  preview: workspaceProcedure.input(previewTimelineInput).query(({ ctx, input }) => previewTimeline(ctx.db, { ...input, workspaceId: ctx.workspace.id })),
  update: managerProcedure.input(updateTemplateInput).mutation(({ ctx, input }) => updateTemplate(ctx.db, { ...input, ...actorScope(ctx) })),
  reset: managerProcedure.input(templateTypeInput).mutation(({ ctx, input }) => resetTemplate(ctx.db, { ...input, ...actorScope(ctx) })),
});
