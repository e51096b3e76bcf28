// The search for due digests, run by a cron every few minutes: each digest
// found becomes one event in the events outbox whose id is the digest's period
// key, so finding it again before it is sent (the next tick, a second instance,
// a cron that fired twice) writes nothing new and starts no second run.
import type { Database } from "@/db";
import { dailyDigestDue, weeklyDigestDue } from "@/inngest/events";
import { enqueueEvents } from "@/inngest/outbox/enqueue-events";
import { digestEmailKey } from "./record-digest";
import { findDueDigests } from "./find-due-digests";

export async function enqueueDueDigests(db: Database, input: { now?: Date } = {}): Promise<{ daily: number; weekly: number }> {
  return db.transaction(async (tx) => {
    const due = await findDueDigests(tx, input);
    await enqueueEvents(
      tx,
      due.map(({ kind, ...data }) => {
        const event = kind === "daily" ? dailyDigestDue : weeklyDigestDue;
        return event.create(data, { id: digestEmailKey({ kind, ...data }) });
      }),
    );
    return { daily: due.filter((digest) => digest.kind === "daily").length, weekly: due.filter((digest) => digest.kind === "weekly").length };
  });
}
