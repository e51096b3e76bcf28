// Failed sign-ins are counted in the database (so every app instance shares the
// counts) per email and per client address. A success clears the email's count.
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
 * Runs one sign-in attempt under the limits: refuses it up front when the email
 * or the address has used up its failures, counts it when it fails.
 */
export async function limitSignIn<T>(
  db: Database,
  key: { email: string; address: string },
  attempt: () => Promise<T | null>,
): Promise<T | null> {
  const { byEmail, byAddress } = limitersFor(db);
  const [emailState, addressState] = await Promise.all([byEmail.get(key.email), byAddress.get(key.address)]);
  const exhausted =
    (emailState?.consumedPoints ?? 0) >= SIGN_IN_LIMITS.failuresPerEmail ||
    (addressState?.consumedPoints ?? 0) >= SIGN_IN_LIMITS.failuresPerAddress;
  if (exhausted) throw new AppError("TOO_MANY_REQUESTS", TOO_MANY_ATTEMPTS);

  const result = await attempt();
  if (result === null) {
    // consume() rejects once the limit is passed; the next attempt is refused above.
    await Promise.allSettled([byEmail.consume(key.email), byAddress.consume(key.address)]);
  } else {
    await byEmail.delete(key.email);
  }
  return result;
}
