// Failed sign-ins are counted in the database (so every app instance shares the
// counts). Three counts, each over a 15-minute window:
//   - per email and address together: 5 failures lock that pair out;
//   - per address: 30 failures, whatever emails they tried, lock the address out;
//   - per email alone: never locks (a stranger's guesses from elsewhere must not lock
//     the owner out), but after 5 failures each attempt waits a little longer.
// A success clears its pair's and its email's counts and does not count against the address.
import { setTimeout as sleep } from "node:timers/promises";
import { RateLimiterDrizzle, type RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "@/db";
import { rateLimits } from "@/db/schema";
import { AppError } from "@/server/errors";

export const SIGN_IN_LIMITS = {
  windowSeconds: 15 * 60,
  failuresPerEmailAndAddress: 5,
  failuresPerAddress: 30,
  /** Failures of an email, from anywhere, before its attempts are slowed down. */
  failuresPerEmailBeforeDelay: 5,
  /** The slow-down doubles from 1 s with each further failure, up to this. */
  maxDelayMs: 8_000,
};

/** How long an attempt waits when its email has `priorFailures` failures in the window. */
export function signInDelayMs(priorFailures: number): number {
  const over = priorFailures - SIGN_IN_LIMITS.failuresPerEmailBeforeDelay;
  return over < 0 ? 0 : Math.min(1000 * 2 ** over, SIGN_IN_LIMITS.maxDelayMs);
}

interface Limiters {
  byPair: RateLimiterDrizzle;
  byAddress: RateLimiterDrizzle;
  byEmail: RateLimiterDrizzle;
}

const limitersByDb = new WeakMap<Database, Limiters>();

function limitersFor(db: Database): Limiters {
  let limiters = limitersByDb.get(db);
  if (!limiters) {
    const common = { storeClient: db, schema: rateLimits, duration: SIGN_IN_LIMITS.windowSeconds };
    limiters = {
      byPair: new RateLimiterDrizzle({ ...common, keyPrefix: "sign-in:email-ip", points: SIGN_IN_LIMITS.failuresPerEmailAndAddress }),
      byAddress: new RateLimiterDrizzle({ ...common, keyPrefix: "sign-in:ip", points: SIGN_IN_LIMITS.failuresPerAddress }),
      // Only counts (for the delay): its limit is out of reach.
      byEmail: new RateLimiterDrizzle({ ...common, keyPrefix: "sign-in:email", points: Number.MAX_SAFE_INTEGER }),
    };
    limitersByDb.set(db, limiters);
  }
  return limiters;
}

export const TOO_MANY_ATTEMPTS = "Too many sign-in attempts. Wait a few minutes, then try again.";

/**
 * Runs one sign-in attempt under the limits. Every attempt is counted before the
 * password is checked (checking the count first and counting failures after let a
 * burst of parallel guesses all pass the check); a success takes its count back.
 * `wait` is how the slow-down waits (tests pass one that records instead).
 */
export async function limitSignIn<T>(
  db: Database,
  key: { email: string; address: string },
  attempt: () => Promise<T | null>,
  options: { wait?: (ms: number) => Promise<unknown> } = {},
): Promise<T | null> {
  const { byPair, byAddress, byEmail } = limitersFor(db);
  const pair = `${key.address} ${key.email}`;
  const counted = await Promise.allSettled([byPair.consume(pair), byAddress.consume(key.address), byEmail.consume(key.email)]);
  for (const count of counted) {
    // consume() rejects with an Error when the store fails, and with its state once the limit is used up.
    if (count.status === "rejected" && count.reason instanceof Error) throw count.reason;
  }
  if (counted.some((count) => count.status === "rejected")) throw new AppError("TOO_MANY_REQUESTS", TOO_MANY_ATTEMPTS);

  const emailCount = (counted[2] as PromiseFulfilledResult<RateLimiterRes>).value.consumedPoints;
  const delay = signInDelayMs(emailCount - 1);
  if (delay > 0) await (options.wait ?? sleep)(delay);

  const result = await attempt();
  if (result !== null) {
    await Promise.all([byPair.delete(pair), byEmail.delete(key.email), byAddress.reward(key.address)]);
  }
  return result;
}
