// The SQL floor: what a service sends to PostgreSQL, captured by running it once
// through a logging drizzle instance, then replayed on a plain postgres.js pool
// set up as drizzle sets up the app's, so the replay does the database's work
// and the driver's and nothing else.
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Database } from "@/db/client";
import * as schema from "@/db/schema";

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

export async function captureQueries<T>(url: string, run: (db: Database) => Promise<T>): Promise<{ queries: CapturedQuery[]; result: T }> {
  const queries: CapturedQuery[] = [];
  const client = postgres(url, { max: 4, onnotice: () => {} });
  try {
    const db = drizzle(client, {
      schema,
      casing: "snake_case",
      logger: { logQuery: (sql, params) => queries.push({ sql, params }) },
    });
    const result = await run(db);
    return { queries, result };
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** Each statement's median time run alone, one after another on one connection: which one the floor is made of. */
export async function timeEachQuery(url: string, queries: CapturedQuery[], repeats = 5): Promise<{ query: CapturedQuery; ms: number }[]> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  drizzle(client);
  try {
    const timings = [];
    for (const query of queries) {
      const times: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const started = performance.now();
        await client.unsafe(query.sql, query.params as postgres.ParameterOrJSON<never>[], { prepare: false }).values();
        times.push(performance.now() - started);
      }
      timings.push({ query, ms: times.sort((a, b) => a - b)[Math.floor(repeats / 2)]! });
    }
    return timings;
  } finally {
    await client.end({ timeout: 5 });
  }
}

export interface SqlReplayer {
  /** Runs the captured queries once, all at once, as the service does with Promise.all. */
  replay(): Promise<void>;
  close(): Promise<void>;
}

export function sqlReplayer(url: string, queries: CapturedQuery[], connections: number): SqlReplayer {
  const pool = postgres(url, { max: connections, onnotice: () => {} });
  // Gives the pool drizzle's parsers and serializers (dates stay strings), as in the app.
  drizzle(pool);
  return {
    async replay() {
      // Unnamed drizzle queries are not prepared; the rows come back as arrays, as drizzle asks for them.
      await Promise.all(queries.map((query) => pool.unsafe(query.sql, query.params as postgres.ParameterOrJSON<never>[], { prepare: false }).values()));
    },
    close: () => pool.end({ timeout: 5 }),
  };
}
