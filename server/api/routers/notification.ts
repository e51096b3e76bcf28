import { countUnreadNotifications, listNotifications } from "@/server/services/notifications/list-notifications";
import { markAllNotificationsRead, markNotificationRead } from "@/server/services/notifications/mark-notifications-read";
import { getNotificationPreferences, updateNotificationPreferences } from "@/server/services/notifications/notification-preferences";
import { listNotificationsInput, markNotificationReadInput, updateNotificationPreferencesInput } from "@/server/services/notifications/notifications.schema";
import { actorScope, createTRPCRouter, workspaceProcedure } from "../trpc";

// The bell and the notification preferences on /account: each member reads and changes only their own.
export const notificationRouter = createTRPCRouter({
  list: workspaceProcedure.input(listNotificationsInput).query(({ ctx, input }) => listNotifications(ctx.db, { ...input, ...actorScope(ctx) })),
  unreadCount: workspaceProcedure.query(({ ctx }) => countUnreadNotifications(ctx.db, actorScope(ctx))),
  markRead: workspaceProcedure.input(markNotificationReadInput).mutation(({ ctx, input }) => markNotificationRead(ctx.db, { ...input, ...actorScope(ctx) })),
  markAllRead: workspaceProcedure.mutation(({ ctx }) => markAllNotificationsRead(ctx.db, actorScope(ctx))),
  preferences: workspaceProcedure.query(({ ctx }) => getNotificationPreferences(ctx.db, actorScope(ctx))),
  updatePreferences: workspaceProcedure
    .input(updateNotificationPreferencesInput)
    .mutation(({ ctx, input }) => updateNotificationPreferences(ctx.db, { ...input, ...actorScope(ctx) })),
});

