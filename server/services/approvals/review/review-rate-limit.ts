// The public review page answers anyone holding a link, so each address gets a
// budget of page views and decisions (counted in the database, shared by every
// app instance), as sign-in attempts do. Enough for a reviewer working through a
// day's links; too few to guess tokens, which are 256-bit HMACs anyway.
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "@/db";
import { rateLimits } from "@/db/schema";
import { AppError } from "@/server/errors";

export const REVIEW_LINK_LIMITS = { windowSeconds: 10 * 60, requestsPerAddress: 120 };

export const TOO_MANY_REVIEWS = "Too many requests from your network. Wait a few minutes, then open the link again.";

const limiters = new WeakMap<Database, RateLimiterDrizzle>();

function limiterFor(db: Database): RateLimiterDrizzle {
  let limiter = limiters.get(db);
  if (!limiter) {
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: "review-link:ip",
      points: REVIEW_LINK_LIMITS.requestsPerAddress,
      duration: REVIEW_LINK_LIMITS.windowSeconds,
    });
    limiters.set(db, limiter);
  }
  return limiter;
}

/** Counts one view or decision from `address`; throws TOO_MANY_REQUESTS past the budget. */
export async function limitReviewLink(db: Database, address: string): Promise<void> {
  try {
    await limiterFor(db).consume(address);
  } catch (error) {
    // consume() rejects with its state once the budget is spent, and with an Error when the store fails.
    if (error instanceof RateLimiterRes) throw new AppError("TOO_MANY_REQUESTS", TOO_MANY_REVIEWS);
    throw error;
  }
}
