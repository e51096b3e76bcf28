// The run that emails a member's pending notifications (inngest/functions/
// send-notification-emails.ts) calls these: first when to send, then, at that
// time, claim what is pending and record the one email that lists it.
import { and, asc, eq, inArray, min, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { memberships, notificationEmailSchedules, notifications, outboxEmails, tasks, users, workspaces } from "@/db/schema";
import { appUrl } from "@/server/env";
import { formatDateTime, resolveViewer } from "@/server/services/date-time";
import type { NotificationKind } from "@/db/schema/enum-values";
import { type MailMessage, type MailOptions, recordMail } from "@/server/services/mail/send-mail";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { emailSendTime } from "./email-send-time";

export interface NotificationEmailRun {
  workspaceId: string;
  userId: string;
  /** The id of the event that started the run: the email's idempotency key is made from it. */
  eventId: string;
}

const mine = (input: NotificationEmailRun) => and(eq(notifications.workspaceId, input.workspaceId), eq(notifications.userId, input.userId));
const pendingOf = (input: NotificationEmailRun) => and(mine(input), eq(notifications.emailState, "pending"));
const scheduleOf = (input: NotificationEmailRun) => and(eq(notificationEmailSchedules.workspaceId, input.workspaceId), eq(notificationEmailSchedules.userId, input.userId));
const idempotencyKey = (input: NotificationEmailRun) => `notification-email:${input.eventId}`;
/** Kinds that remind of a task's deadline: once the task is done, their email would be stale. */
const staleWhenDone = new Set<NotificationKind>(["due_soon", "overdue", "escalated"]);

async function memberSettings(db: Database, input: NotificationEmailRun) {
  const [member] = await db
    .select({
      email: users.email,
      locale: users.locale,
      userTimeZone: users.timeZone,
      memberTimeZone: memberships.timeZone,
      workspaceTimeZone: workspaces.timeZone,
      workspaceName: workspaces.name,
      quietHoursStart: memberships.quietHoursStart,
      quietHoursEnd: memberships.quietHoursEnd,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, input.userId)));
  return member ?? null;
}

/**
 * When this run should send. With nothing pending (sent by another run, or gone
 * with its task) that is now: the claim then finds nothing and, under the row
 * lock, frees the member's schedule for the next notification. Quiet hours are
 * read in the zone the member's working days are in (their membership's, else the workspace's).
 */
export async function planNotificationEmail(db: Database, input: NotificationEmailRun & { now?: Date }): Promise<string> {
  const now = input.now ?? new Date();
  const member = await memberSettings(db, input);
  const [pending] = await db.select({ first: min(notifications.createdAt) }).from(notifications).where(pendingOf(input));
  if (!member || !pending?.first) return now.toISOString();
  const [schedule] = await db.select({ lastSentAt: notificationEmailSchedules.lastSentAt }).from(notificationEmailSchedules).where(scheduleOf(input));
  const timeZone = member.memberTimeZone ?? member.workspaceTimeZone;
  const quiet = member.quietHoursStart && member.quietHoursEnd ? { start: member.quietHoursStart, end: member.quietHoursEnd, timeZone } : null;
  const sendAt = emailSendTime({ firstPendingAt: pending.first, lastSentAt: schedule?.lastSentAt ?? null, now, quiet });
  await db.update(notificationEmailSchedules).set({ sendAfter: sendAt }).where(and(scheduleOf(input), eq(notificationEmailSchedules.eventId, input.eventId)));
  return sendAt.toISOString();
}

/**
 * Claims every pending notification of the member and records one email listing
 * them, in one transaction: they are marked sent exactly when the email exists.
 * The member's schedule row is locked first (as notify's upsert locks it), so a
 * notification committed before this claim is in the email, and one after it
 * starts the next run. Rows another run holds are skipped (SKIP LOCKED), never
 * sent twice. What went stale while it waited (read in the app, or a reminder of
 * a task done since) is left out and no longer pending. Run again (a retried step), it finds the email it recorded and
 * returns that, so the send step still gets it; null when there is nothing.
 */
export async function claimNotificationEmail(db: Database, input: NotificationEmailRun, mail: Pick<MailOptions, "smtpUrl"> = {}): Promise<MailMessage | null> {
  return transactionWithRetry(db, async (tx) => {
    await tx.select({ userId: notificationEmailSchedules.userId }).from(notificationEmailSchedules).where(scheduleOf(input)).for("update");
    const [recorded] = await tx.select().from(outboxEmails).where(eq(outboxEmails.idempotencyKey, idempotencyKey(input)));
    if (recorded) return { workspaceId: recorded.workspaceId, to: recorded.to, subject: recorded.subject, text: recorded.text, idempotencyKey: recorded.idempotencyKey };

    const member = await memberSettings(tx, input);
    const pending = member
      ? await tx
          .select({
            id: notifications.id,
            kind: notifications.kind,
            title: notifications.title,
            link: notifications.link,
            createdAt: notifications.createdAt,
            readAt: notifications.readAt,
            taskStatus: tasks.status,
          })
          .from(notifications)
          .leftJoin(tasks, eq(tasks.id, notifications.taskId))
          .where(pendingOf(input))
          .orderBy(asc(notifications.createdAt), asc(notifications.id))
          .for("update", { of: notifications, skipLocked: true })
      : [];
    // Nothing stale goes out: what the member already read in the app, and reminders of tasks done since.
    const stale = pending.filter((row) => row.readAt !== null || (staleWhenDone.has(row.kind) && row.taskStatus === "done"));
    if (stale.length > 0) {
      await tx
        .update(notifications)
        .set({ emailState: "none" })
        .where(inArray(notifications.id, stale.map((row) => row.id)));
    }
    const claimed = pending.filter((row) => !stale.includes(row));
    // This run is done with the member either way: the next notification starts the next run.
    await tx
      .update(notificationEmailSchedules)
      .set({ eventId: null, sendAfter: null, ...(claimed.length > 0 ? { lastSentAt: sql`now()` } : {}) })
      .where(and(scheduleOf(input), eq(notificationEmailSchedules.eventId, input.eventId)));
    if (!member || claimed.length === 0) return null;

    await tx
      .update(notifications)
      .set({ emailState: "sent", emailedAt: sql`now()` })
      .where(and(pendingOf(input), inArray(notifications.id, claimed.map((row) => row.id))));
    const viewer = resolveViewer({ preferredTimeZone: member.memberTimeZone ?? member.userTimeZone, preferredLocale: member.locale, workspaceTimeZone: member.workspaceTimeZone });
    const base = appUrl();
    const message: MailMessage = {
      workspaceId: input.workspaceId,
      to: member.email,
      subject: claimed.length === 1 ? claimed[0]!.title : `${claimed.length} new notifications in ${member.workspaceName}`,
      text: [
        `In ${member.workspaceName} on Crescendo:`,
        "",
        ...claimed.flatMap((row) => [`- ${row.title} (${formatDateTime(viewer, row.createdAt)})`, `  ${base}${row.link}`]),
        "",
        `Choose which notifications you get by email, and your quiet hours: ${base}/account`,
      ].join("\n"),
      idempotencyKey: idempotencyKey(input),
    };
    await recordMail(tx, message, mail);
    return message;
  });
}
