// A write transaction that survives losing a race. On a PostgreSQL server two
// transactions can still deadlock (40P01) or fail to serialize (40001) even when
// every service locks in the same order (campaign, then its children; members by
// id): the server then aborts one of them, which did nothing. Running that one
// again is safe and almost always succeeds; after a few tries the person is told
// to try again rather than shown a server error.
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Database, Transaction } from "@/db";
import { AppError } from "@/server/errors";

const ATTEMPTS = 3;
const RETRYABLE_CODES = new Set(["40P01", "40001"]);

/** True for a deadlock or serialization failure, as raised by postgres.js and PGlite alike (possibly wrapped by Drizzle). */
export function isRetryableConflict(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && RETRYABLE_CODES.has(code)) return true;
  }
  return false;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `db.transaction(work)`, run again (up to 3 attempts in all, after a short random
 * pause so the two sides do not collide again) when the server aborts it as a
 * deadlock or serialization victim; then a CONFLICT. `work` must not do anything
 * outside the transaction that cannot be repeated (send events after it commits).
 * Inside a caller's transaction it is a savepoint without retries: an abort
 * ends the whole outer transaction, so only its owner can start again.
 */
export async function transactionWithRetry<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  if (db instanceof PgTransaction) return db.transaction(work);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (!isRetryableConflict(error)) throw error;
      if (attempt >= ATTEMPTS) {
        throw new AppError("CONFLICT", "Someone else changed this at the same moment; try again.", { cause: error });
      }
      await pause(attempt * (10 + Math.random() * 40));
    }
  }
}
