// One tRPC query measured two ways at the same concurrency: over HTTP against
// the production build (session, context, superjson, the service, the SQL), and
// the SQL that service runs replayed straight on the database (the floor). The
// ratio says how much of the time is spent above the database.
import type { Database } from "@/db/client";
import { trpcUrl } from "./app-server";
import { captureQueries, sqlReplayer, timeEachQuery } from "./capture-sql";
import { describe, type LatencySummary, loadCalls, loadHttp, ms } from "./measure";
import { type BenchContext, type SummaryRow, verdict } from "./suite";

export const TARGET_P95_MS = 50;
export const TARGET_RATIO = 3;

export interface ProcedureBench<T> {
  suite: string;
  procedure: string;
  input: unknown;
  /** Calls the procedure's service directly, as the router would for the signed-in member, to capture its SQL. */
  callService(db: Database): Promise<T>;
  /** One line on what the call returned, to show it did real work. */
  describeResult(result: T): string;
}

export async function benchProcedure<T>(context: BenchContext, bench: ProcedureBench<T>): Promise<SummaryRow[]> {
  const url = trpcUrl(context.app.baseUrl, bench.procedure, bench.input);
  const headers = { cookie: context.app.cookie };
  // A refused or failing call would measure the error path: check one first.
  const probe = await fetch(url, { headers });
  if (!probe.ok) throw new Error(`${bench.procedure} answered HTTP ${probe.status}: ${(await probe.text()).slice(0, 500)}`);

  const { queries, result } = await captureQueries(context.databaseUrl, bench.callService);
  console.log(`${bench.procedure}: ${bench.describeResult(result)}; ${queries.length} SQL statement(s) per call, each alone:`);
  for (const { query, ms: took } of await timeEachQuery(context.databaseUrl, queries)) {
    console.log(`  ${ms(took).padStart(8)}  ${query.sql.replace(/\s+/g, " ").slice(0, 110)}`);
  }

  const replayer = sqlReplayer(context.databaseUrl, queries, context.load.concurrency);
  let floor: LatencySummary;
  try {
    floor = await loadCalls(() => replayer.replay(), context.load);
  } finally {
    await replayer.close();
  }
  console.log(`  SQL floor: ${describe(floor)}`);
  const http = await loadHttp(url, headers, context.load);
  console.log(`  HTTP:      ${describe(http)}`);
  const ratio = http.p95 / floor.p95;
  console.log(`  HTTP p95 / floor p95: ${ratio.toFixed(1)}x`);

  return [
    {
      suite: bench.suite,
      measure: `${bench.procedure} over HTTP`,
      result: describe(http),
      target: `p95 <= ${TARGET_P95_MS} ms`,
      verdict: verdict(http.failures === 0 && http.p95 <= TARGET_P95_MS),
    },
    { suite: bench.suite, measure: `${bench.procedure} SQL floor`, result: describe(floor), target: "", verdict: "" },
    {
      suite: bench.suite,
      measure: `${bench.procedure} HTTP p95 / floor p95`,
      result: `${ratio.toFixed(1)}x (${ms(http.p95)} / ${ms(floor.p95)})`,
      target: `<= ${TARGET_RATIO}x`,
      verdict: verdict(ratio <= TARGET_RATIO),
    },
  ];
}
