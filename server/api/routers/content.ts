import { rescheduleContentItem } from "@/server/services/content/reschedule-content-item";
import { createTRPCRouter, memberProcedure } from "../trpc";
import { rescheduleContentInput } from "./content.schema";

/** Who is acting, and where: what every write service takes. */
const scope = (ctx: { workspace: { id: string }; session: { user: { id: string } } }) => ({ workspaceId: ctx.workspace.id, actorId: ctx.session.user.id });

export const contentRouter = createTRPCRouter({
  reschedule: memberProcedure.input(rescheduleContentInput).mutation(({ ctx, input }) => rescheduleContentItem(ctx.db, { ...input, ...scope(ctx) })),
});
