// Starts the run that emails a member's pending notifications, unless one is
// already waiting to: a burst of notifications starts one run, not dozens. The
// member's schedule row is the switch. The run that sends clears it under a row
// lock in the transaction that claims the notifications, so a notification
// committed before that claim is in its email, and one committed after it finds
// the switch off and starts the next run. Nothing is left pending without a run.
import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { notificationEmailSchedules } from "@/db/schema";
import { notificationEmailQueued } from "@/inngest/events";
import { enqueueEvents } from "@/inngest/outbox/enqueue-events";

/** A run this far past its planned send time is taken to have failed for good: the next notification starts another. */
const STALE_AFTER = sql`interval '1 hour'`;

/** The id of the event (and so of the run) that sends the batch a notification started. */
export const notificationEmailEventId = (batchId: string) => `notification-email-${batchId}`;

type Pending = { workspaceId: string; userId: string; notificationId: string };

/**
 * For each member with a new pending notification (the first one of each names
 * the batch), starts their run unless one waits. One upsert for all of them, in
 * member order, so two batches lock the same rows in the same order.
 */
export async function scheduleNotificationEmails(tx: Database, pending: Pending[]) {
  const firstOfEach = new Map<string, Pending>();
  for (const item of pending) if (!firstOfEach.has(`${item.workspaceId}:${item.userId}`)) firstOfEach.set(`${item.workspaceId}:${item.userId}`, item);
  const batches = [...firstOfEach.values()].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  if (batches.length === 0) return;
  const s = notificationEmailSchedules;
  const takeOver = sql`${s.eventId} is null or ${s.sendAfter} < now() - ${STALE_AFTER}`;
  const rows = await tx
    .insert(s)
    .values(batches.map((batch) => ({ workspaceId: batch.workspaceId, userId: batch.userId, eventId: notificationEmailEventId(batch.notificationId), sendAfter: sql`now()` })))
    .onConflictDoUpdate({
      target: [s.workspaceId, s.userId],
      set: {
        eventId: sql`case when ${takeOver} then excluded.event_id else ${s.eventId} end`,
        sendAfter: sql`case when ${takeOver} then excluded.send_after else ${s.sendAfter} end`,
      },
    })
    .returning({ eventId: s.eventId });
  const started = new Set(rows.map((row) => row.eventId));
  const events = batches
    .filter((batch) => started.has(notificationEmailEventId(batch.notificationId)))
    .map((batch) =>
      notificationEmailQueued.create({ workspaceId: batch.workspaceId, userId: batch.userId, batchId: batch.notificationId }, { id: notificationEmailEventId(batch.notificationId) }),
    );
  await enqueueEvents(tx, events);
}
