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

export async function scheduleNotificationEmail(tx: Database, input: { workspaceId: string; userId: string; notificationId: string }) {
  const eventId = notificationEmailEventId(input.notificationId);
  const s = notificationEmailSchedules;
  const takeOver = sql`${s.eventId} is null or ${s.sendAfter} < now() - ${STALE_AFTER}`;
  const [row] = await tx
    .insert(s)
    .values({ workspaceId: input.workspaceId, userId: input.userId, eventId, sendAfter: sql`now()` })
    .onConflictDoUpdate({
      target: [s.workspaceId, s.userId],
      set: {
        eventId: sql`case when ${takeOver} then excluded.event_id else ${s.eventId} end`,
        sendAfter: sql`case when ${takeOver} then excluded.send_after else ${s.sendAfter} end`,
      },
    })
    .returning({ eventId: s.eventId });
  if (row?.eventId !== eventId) return;
  await enqueueEvents(tx, [notificationEmailQueued.create({ workspaceId: input.workspaceId, userId: input.userId, batchId: input.notificationId }, { id: eventId })]);
}
