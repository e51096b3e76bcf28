import { createContentItem } from "@/server/services/content/create-content-item";
import { deleteContentItem } from "@/server/services/content/delete-content-item";
import { diffContentVersions } from "@/server/services/content/diff-content-versions";
import { getContentItem } from "@/server/services/content/get-content-item";
import { listContentItems } from "@/server/services/content/list-content-items";
import { rescheduleContentItem } from "@/server/services/content/reschedule-content-item";
import { updateContentItem } from "@/server/services/content/update-content-item";
import { actorScope, createTRPCRouter, memberProcedure, workspaceProcedure } from "../trpc";
import {
  contentItemIdInput,
  createContentInput,
  diffContentInput,
  listContentInput,
  rescheduleContentInput,
  updateContentInput,
} from "@/server/services/content/content.schema";

export const contentRouter = createTRPCRouter({
  list: workspaceProcedure.input(listContentInput).query(({ ctx, input }) => listContentItems(ctx.db, { ...input, workspaceId: ctx.workspace.id })),
  get: workspaceProcedure.input(contentItemIdInput).query(({ ctx, input }) => getContentItem(ctx.db, { ...input, workspaceId: ctx.workspace.id, role: ctx.workspace.role })),
  diff: workspaceProcedure.input(diffContentInput).query(({ ctx, input }) => diffContentVersions(ctx.db, { ...input, workspaceId: ctx.workspace.id })),
  create: memberProcedure.input(createContentInput).mutation(({ ctx, input }) => createContentItem(ctx.db, { ...input, ...actorScope(ctx) })),
  update: memberProcedure.input(updateContentInput).mutation(({ ctx, input }) => updateContentItem(ctx.db, { ...input, ...actorScope(ctx) })),
  reschedule: memberProcedure.input(rescheduleContentInput).mutation(({ ctx, input }) => rescheduleContentItem(ctx.db, { ...input, ...actorScope(ctx) })),
  delete: memberProcedure.input(contentItemIdInput).mutation(({ ctx, input }) => deleteContentItem(ctx.db, { ...input, ...actorScope(ctx) })),
});
