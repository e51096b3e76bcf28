// Failed sign-ins are counted in the database (so every app instance shares the
// counts) per email and per client address. A success clears the email's count
// and does not count against the address.
import { RateLimiterDrizzle } from "rate-limiter-flexible";
import type { Database } from "@/db";
import { rateLimits } from "@/db/schema";
import { AppError } from "@/server/errors";

export const SIGN_IN_LIMITS = {
  windowSeconds: 15 * 60,
  failuresPerEmail: 5,
  failuresPerAddress: 30,
};

interface Limiters {
  byEmail: RateLimiterDrizzle;
  byAddress: RateLimiterDrizzle;
}

const limitersByDb = new WeakMap<Database, Limiters>();

function limitersFor(db: Database): Limiters {
  let limiters = limitersByDb.get(db);
  if (!limiters) {
    const common = { storeClient: db, schema: rateLimits, duration: SIGN_IN_LIMITS.windowSeconds };
    limiters = {
      byEmail: new RateLimiterDrizzle({ ...common, keyPrefix: "sign-in:email", points: SIGN_IN_LIMITS.failuresPerEmail }),
      byAddress: new RateLimiterDrizzle({ ...common, keyPrefix: "sign-in:ip", points: SIGN_IN_LIMITS.failuresPerAddress }),
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
 */
export async function limitSignIn<T>(
  db: Database,
  key: { email: string; address: string },
  attempt: () => Promise<T | null>,
): Promise<T | null> {
  const { byEmail, byAddress } = limitersFor(db);
  const counted = await Promise.allSettled([byEmail.consume(key.email), byAddress.consume(key.address)]);
  for (const count of counted) {
    // consume() rejects with an Error when the store fails, and with its state once the limit is used up.
    if (count.status === "rejected" && count.reason instanceof Error) throw count.reason;
  }
  if (counted.some((count) => count.status === "rejected")) throw new AppError("TOO_MANY_REQUESTS", TOO_MANY_ATTEMPTS);

  const result = await attempt();
  if (result !== null) {
    await Promise.all([byEmail.delete(key.email), byAddress.reward(key.address)]);
  }
  return result;
}
