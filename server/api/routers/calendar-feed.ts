import { createCalendarFeed } from "@/server/services/calendar-feeds/create-calendar-feed";
import { getMyCalendarFeed } from "@/server/services/calendar-feeds/get-my-calendar-feed";
import { revokeCalendarFeed } from "@/server/services/calendar-feeds/revoke-calendar-feed";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

const mine = (ctx: { workspace: { id: string }; session: { user: { id: string } } }) => ({ workspaceId: ctx.workspace.id, actorId: ctx.session.user.id });

// Each person's own private feed link. Viewers may subscribe too: a feed only reads.
export const calendarFeedRouter = createTRPCRouter({
  get: workspaceProcedure.query(({ ctx }) => getMyCalendarFeed(ctx.db, mine(ctx))),
  create: workspaceProcedure.mutation(({ ctx }) => createCalendarFeed(ctx.db, mine(ctx))),
  revoke: workspaceProcedure.mutation(({ ctx }) => revokeCalendarFeed(ctx.db, mine(ctx))),
});
