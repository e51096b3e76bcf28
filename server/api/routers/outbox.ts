import { listOutbox } from "@/server/services/mail/list-outbox";
import { adminProcedure, createTRPCRouter } from "../trpc";

export const outboxRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) => listOutbox(ctx.db, { workspaceId: ctx.workspace.id })),
});
