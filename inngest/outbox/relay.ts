// Delivers the outbox: claims due events with FOR UPDATE SKIP LOCKED (so the
// relays of several processes never hand over one event at the same time),
// gives them to the engine, and marks them delivered in the same transaction.
// On the embedded executor the hand-over is itself a write in that transaction:
// the event is taken in and marked together, exactly once. On Inngest it is an
// HTTP send; if the process dies before the mark, the event goes again with the
// same id, which Inngest takes as its idempotency key.
import { and, asc, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { eventOutbox, type OutboxEvent } from "@/db/schema";
import type { NotificationHandlers } from "@/db/client";
import { describeError, logError } from "@/server/logger";
import type { EventPayload } from "../executor/protocol";
import { WakeablePause } from "../wakeable-pause";
import { OUTBOX_CHANNEL } from "./enqueue-events";

export interface OutboxDeliverer {
  /** Hands events to the engine, inside the transaction that holds their outbox rows; throws when the engine refuses. */
  deliver(tx: Database, events: EventPayload[]): Promise<void>;
  /** Called after that transaction committed. */
  afterCommit?(): void;
}

export interface OutboxRelayOptions {
  db: Database;
  deliverer: OutboxDeliverer;
  /** Subscribes to the outbox's NOTIFY, so a commit wakes the relay at once; without it the relay only polls. */
  listen?: (channel: string, handlers: NotificationHandlers) => Promise<() => Promise<void>>;
  /** Events handed over per transaction (default 100). */
  batchSize?: number;
  /** How often to look when nothing woke the relay (default 2 s): retries, and missed notifications. */
  pollIntervalMs?: number;
  /** Delay before the next attempt after `attempts` failures (default 1 s doubling, at most 5 min). */
  backoffMs?: (attempts: number) => number;
  onError?: (error: unknown) => void;
}

/** Delivered events are kept this long (to look into), then deleted. */
const KEEP_DELIVERED = "1 day";
const PRUNE_EVERY_MS = 10 * 60_000;

export function defaultOutboxBackoffMs(attempts: number): number {
  return Math.min(1_000 * 2 ** (attempts - 1), 5 * 60_000);
}

function toPayload(row: OutboxEvent): EventPayload {
  return { name: row.name, data: row.data, id: row.id, ts: row.ts.getTime() };
}

export class OutboxRelay {
  private running = false;
  private loopDone: Promise<void> | null = null;
  private readonly pause = new WakeablePause();
  private unlisten: (() => Promise<void>) | null = null;
  private lastPruneAt = 0;

  constructor(private readonly options: OutboxRelayOptions) {}

  /** Delivers every event due now, batch after batch; returns how many were delivered. */
  async deliverDue(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const batch = await this.deliverBatch();
      delivered += batch.delivered;
      if (batch.claimed < (this.options.batchSize ?? 100)) return delivered;
    }
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    if (this.options.listen) {
      const wake = () => this.wake();
      this.unlisten = await this.options.listen(OUTBOX_CHANNEL, { onNotify: wake, onRelisten: wake });
    }
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake();
    await this.loopDone;
    await this.unlisten?.();
    this.unlisten = null;
  }

  wake(): void {
    this.pause.wake();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      this.pause.beginRound();
      try {
        await this.deliverDue();
        await this.pruneDelivered();
      } catch (error) {
        this.report(error);
      }
      if (this.pause.woken || !this.running) continue;
      await this.pause.wait(this.options.pollIntervalMs ?? 2_000);
    }
  }

  private async deliverBatch(): Promise<{ claimed: number; delivered: number }> {
    const { db, deliverer } = this.options;
    const outcome = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(eventOutbox)
        .where(and(isNull(eventOutbox.deliveredAt), lte(eventOutbox.nextAttemptAt, sql`now()`)))
        .orderBy(asc(eventOutbox.createdAt), asc(eventOutbox.id))
        .limit(this.options.batchSize ?? 100)
        .for("update", { skipLocked: true });
      if (rows.length === 0) return { claimed: 0, delivered: 0 };
      try {
        await deliverer.deliver(tx, rows.map(toPayload));
        await this.markDelivered(tx, rows);
        return { claimed: rows.length, delivered: rows.length };
      } catch (error) {
        if (rows.length === 1) {
          await this.markFailed(tx, rows[0]!, error);
          return { claimed: 1, delivered: 0 };
        }
        // One bad event must not hold back the others: each goes on its own.
        let delivered = 0;
        for (const row of rows) {
          try {
            await deliverer.deliver(tx, [toPayload(row)]);
            await this.markDelivered(tx, [row]);
            delivered++;
          } catch (rowError) {
            await this.markFailed(tx, row, rowError);
          }
        }
        return { claimed: rows.length, delivered };
      }
    });
    if (outcome.delivered > 0) deliverer.afterCommit?.();
    return outcome;
  }

  private async markDelivered(tx: Database, rows: OutboxEvent[]): Promise<void> {
    await tx
      .update(eventOutbox)
      .set({ deliveredAt: sql`now()`, lastError: null })
      .where(inArray(eventOutbox.id, rows.map((row) => row.id)));
  }

  private async markFailed(tx: Database, row: OutboxEvent, error: unknown): Promise<void> {
    const attempts = row.attempts + 1;
    const delayMs = (this.options.backoffMs ?? defaultOutboxBackoffMs)(attempts);
    await tx
      .update(eventOutbox)
      .set({
        attempts,
        lastError: describeError(error).message,
        nextAttemptAt: sql`now() + make_interval(secs => ${delayMs / 1000})`,
      })
      .where(inArray(eventOutbox.id, [row.id]));
    this.report(error);
  }

  private async pruneDelivered(): Promise<void> {
    if (Date.now() - this.lastPruneAt < PRUNE_EVERY_MS) return;
    this.lastPruneAt = Date.now();
    await this.options.db.delete(eventOutbox).where(lt(eventOutbox.deliveredAt, sql`now() - ${KEEP_DELIVERED}::interval`));
  }

  private report(error: unknown): void {
    if (this.options.onError) this.options.onError(error);
    else logError("Events outbox: a delivery failed; it will be tried again", error);
  }
}
