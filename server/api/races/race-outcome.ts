// How a raced call ended, and a count of endings by code, for the PostgreSQL race tests.
import { TRPCError } from "@trpc/server";

export type Outcome = { ok: true; value: unknown } | { ok: false; code: string; message: string };

/** How a call ended: its value, or the tRPC code it failed with (anything else fails the test). */
export async function outcome(call: Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await call };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { ok: false, code: error.code, message: error.message };
  }
}

/** Counts the outcomes of a set of races by code, for a readable failure message. */
export function tally(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    const key = o.ok ? "OK" : o.code;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
