// One tRPC query measured two ways at each concurrency: over HTTP against
// the production build (session, context, superjson, the service, the SQL), and
// the SQL that service runs replayed straight on the database (the floor). The
// ratio says how much of the time is spent above the database.
import type { Database } from "@/db/client";
import { trpcUrl } from "./app-server";
import { captureQueries, sqlReplayer, timeEachQuery } from "./capture-sql";
import { describe, type LatencySummary, loadCalls, loadHttp, ms } from "./measure";
import { atLevel, type BenchContext, type SummaryRow, verdict } from "./suite";

// The standing targets: p95 <= 50 ms with 4 callers at once, and with 32 at once
// no more than 3x what the same SQL takes straight on the database (on two cores
// even /api/health nears 50 ms at 32, so a fixed figure there would measure the machine).
export const TARGET_P95_MS = 50;
export const TARGET_P95_AT = 4;
export const TARGET_RATIO = 3;
export const TARGET_RATIO_AT = 32;

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

  const rows: SummaryRow[] = [];
  for (const level of context.load.levels) {
    const load = atLevel(context.load, level);
    const replayer = sqlReplayer(context.databaseUrl, queries, level);
    let floor: LatencySummary;
    try {
      floor = await loadCalls(() => replayer.replay(), load);
    } finally {
      await replayer.close();
    }
    const http = await loadHttp(url, headers, { ...load, serverPid: context.app.pid });
    const ratio = http.p95 / floor.p95;
    console.log(`  at ${level} connections:`);
    console.log(`    SQL floor: ${describe(floor)}`);
    console.log(`    HTTP:      ${describe(http)}`);
    console.log(`    HTTP p95 / floor p95: ${ratio.toFixed(1)}x`);
    const measure = (what: string) => `${bench.procedure} at ${level}: ${what}`;
    const p95Target = level === TARGET_P95_AT;
    const ratioTarget = level === TARGET_RATIO_AT;
    rows.push(
      {
        suite: bench.suite,
        measure: measure("HTTP"),
        result: describe(http),
        target: p95Target ? `p95 <= ${TARGET_P95_MS} ms` : "",
        verdict: http.failures > 0 ? "FAILED" : p95Target ? verdict(http.p95 <= TARGET_P95_MS) : "",
      },
      { suite: bench.suite, measure: measure("SQL floor"), result: describe(floor), target: "", verdict: "" },
      {
        suite: bench.suite,
        measure: measure("HTTP p95 / floor p95"),
        result: `${ratio.toFixed(1)}x (${ms(http.p95)} / ${ms(floor.p95)})`,
        target: ratioTarget ? `<= ${TARGET_RATIO}x` : "",
        verdict: ratioTarget ? verdict(ratio <= TARGET_RATIO) : "",
      },
    );
  }
  return rows;
}
