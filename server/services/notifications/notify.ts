// The one way anything tells a member about something: task changes, reminders,
// escalations. Called inside the writer's transaction, so the notification
// exists exactly when the change does; the dedupe key makes a retried step or a
// second trigger for the same cause a no-op.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { memberships, notificationPreferences, notifications } from "@/db/schema";
import type { NotificationKind } from "@/db/schema/enum-values";
import { publishChange } from "@/server/realtime/publish-change";
import { defaultChannels, sendsEmail, showsInApp } from "./notification-kinds";
import { scheduleNotificationEmail } from "./schedule-notification-email";

export interface NotifyInput {
  workspaceId: string;
  /** The recipient. */
  userId: string;
  kind: NotificationKind;
  /** Who caused it; null for background flows. A member is never told of their own doing. */
  actorId: string | null;
  taskId?: string | null;
  campaignId?: string | null;
  /** A sentence as the recipient reads it. */
  title: string;
  /** An app path, "/tasks?task=…". */
  link: string;
  /** One notification per key, ever: name the cause ("assigned:<task id>:<assignee id>:<audit id>"). */
  dedupeKey: string;
}

/**
 * Creates the notification the recipient's preference for its kind asks for, and
 * returns its id; null when nothing was created (their own doing, not a member,
 * "None", or this key was notified before).
 */
export async function notify(tx: Database, input: NotifyInput): Promise<string | null> {
  if (input.actorId !== null && input.actorId === input.userId) return null;
  const [member] = await tx
    .select({ channel: notificationPreferences.channel })
    .from(memberships)
    .leftJoin(
      notificationPreferences,
      and(
        eq(notificationPreferences.workspaceId, memberships.workspaceId),
        eq(notificationPreferences.userId, memberships.userId),
        eq(notificationPreferences.kind, input.kind),
      ),
    )
    .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, input.userId)));
  if (!member) return null;
  const channel = member.channel ?? defaultChannels[input.kind];
  if (channel === "none") return null;

  const email = sendsEmail(channel);
  const [created] = await tx
    .insert(notifications)
    .values({
      workspaceId: input.workspaceId,
      userId: input.userId,
      kind: input.kind,
      actorId: input.actorId,
      taskId: input.taskId ?? null,
      campaignId: input.campaignId ?? null,
      title: input.title,
      link: input.link,
      dedupeKey: input.dedupeKey,
      inApp: showsInApp(channel),
      emailState: email ? "pending" : "none",
    })
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id, inApp: notifications.inApp });
  if (!created) return null;
  if (created.inApp) await publishChange(tx, { workspaceId: input.workspaceId, topic: "notifications", ids: [input.userId], actorId: input.actorId });
  if (email) await scheduleNotificationEmail(tx, { workspaceId: input.workspaceId, userId: input.userId, notificationId: created.id });
  return created.id;
}
