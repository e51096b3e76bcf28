// The one way anything tells a member about something: task changes, reminders,
// escalations. Called inside the writer's transaction, so the notification
// exists exactly when the change does; the dedupe key makes a retried step or a
// second trigger for the same cause a no-op.
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { memberships, notificationPreferences, notifications } from "@/db/schema";
import type { NotificationKind } from "@/db/schema/enum-values";
import { publishChange } from "@/server/realtime/publish-change";
import { defaultChannels, sendsEmail, showsInApp } from "./notification-kinds";
import { scheduleNotificationEmails } from "./schedule-notification-email";

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
  const [created] = await notifyMany(tx, [input]);
  return created?.dedupeKey === input.dedupeKey ? created.id : null;
}

/**
 * `notify` for many at once, in a few statements whatever their number (a batch
 * assignment of a thousand tasks): one read of the recipients' memberships and
 * preferences, one insert, one change notice, one upsert of the email
 * schedules. All of one workspace. Returns what was created.
 */
export async function notifyMany(tx: Database, inputs: NotifyInput[]): Promise<{ id: string; dedupeKey: string }[]> {
  const wanted = inputs.filter((input) => input.actorId === null || input.actorId !== input.userId);
  if (wanted.length === 0) return [];
  const workspaceId = wanted[0]!.workspaceId;
  if (wanted.some((input) => input.workspaceId !== workspaceId)) throw new Error("notifyMany takes notifications of one workspace");
  const recipients = [...new Set(wanted.map((input) => input.userId))];
  const members = await tx
    .select({ userId: memberships.userId, kind: notificationPreferences.kind, channel: notificationPreferences.channel })
    .from(memberships)
    .leftJoin(notificationPreferences, and(eq(notificationPreferences.workspaceId, memberships.workspaceId), eq(notificationPreferences.userId, memberships.userId)))
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, recipients)));
  const isMember = new Set(members.map((row) => row.userId));
  const chosen = new Map(members.filter((row) => row.kind).map((row) => [`${row.userId}:${row.kind}`, row.channel!]));

  const rows = wanted.flatMap((input) => {
    if (!isMember.has(input.userId)) return [];
    const channel = chosen.get(`${input.userId}:${input.kind}`) ?? defaultChannels[input.kind];
    if (channel === "none") return [];
    return [
      {
        workspaceId,
        userId: input.userId,
        kind: input.kind,
        actorId: input.actorId,
        taskId: input.taskId ?? null,
        campaignId: input.campaignId ?? null,
        title: input.title,
        link: input.link,
        dedupeKey: input.dedupeKey,
        inApp: showsInApp(channel),
        emailState: sendsEmail(channel) ? ("pending" as const) : ("none" as const),
      },
    ];
  });
  if (rows.length === 0) return [];
  const created = await tx
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id, dedupeKey: notifications.dedupeKey, userId: notifications.userId, inApp: notifications.inApp, emailState: notifications.emailState });
  const inApp = [...new Set(created.filter((row) => row.inApp).map((row) => row.userId))];
  if (inApp.length > 0) await publishChange(tx, { workspaceId, topic: "notifications", ids: inApp, actorId: wanted[0]!.actorId });
  await scheduleNotificationEmails(
    tx,
    created.filter((row) => row.emailState === "pending").map((row) => ({ workspaceId, userId: row.userId, notificationId: row.id })),
  );
  return created.map(({ id, dedupeKey }) => ({ id, dedupeKey }));
}
