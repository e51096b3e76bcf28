// How the benchmarks load a target and summarise what they saw: latencies of
// every response under a fixed number of concurrent callers for a fixed time,
// after a warm-up whose figures are dropped, reduced to p50/p95/p99 and req/s.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { percentile } from "@/inngest/executor/testing/bench-measure";

export interface LoadOptions {
  concurrency: number;
  warmupSeconds: number;
  seconds: number;
}

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  perSecond: number;
  /** Responses other than 2xx, or calls that threw. */
  failures: number;
  /**
   * CPU time the app server spent per measured call (HTTP loads given its PID). The server
   * answers on one thread, so at N connections a call waits for about N x this.
   */
  serverCpuPerCall?: number;
}

export function summarise(latencies: number[], seconds: number, failures: number): LatencySummary {
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    failures,
  };
}

// USER_HZ, which /proc/<pid>/stat counts in: 100 on Linux everywhere this runs.
const CLOCK_TICKS_PER_SECOND = 100;

/** A process's CPU time so far (user and system), from /proc; undefined where there is no /proc. */
function processCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}


/**
 * GETs `url` with `concurrency` keep-alive connections; autocannon's own report has no p95, so each response time is kept.
 * With `serverPid`, also how much CPU the server spent per call.
 */
export async function loadHttp(url: string, headers: Record<string, string>, options: LoadOptions & { serverPid?: number }): Promise<LatencySummary> {
  const run = async (seconds: number) => {
    const latencies: number[] = [];
    let failures = 0;
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ url, headers, connections: options.concurrency, duration: seconds, timeout: 30 }, (error, done) =>
        error ? reject(error as Error) : resolve(done),
      );
      instance.on("response", (_client, statusCode, _bytes, responseTime) => {
        if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
        else failures++;
      });
    });
    return { latencies, failures: failures + result.errors + result.timeouts, seconds: result.duration };
  };
  if (options.warmupSeconds > 0) await run(options.warmupSeconds);
  const cpuBefore = options.serverPid ? processCpuMs(options.serverPid) : undefined;
  const measured = await run(options.seconds);
  const cpuAfter = options.serverPid ? processCpuMs(options.serverPid) : undefined;
  const summary = summarise(measured.latencies, measured.seconds, measured.failures);
  const calls = measured.latencies.length + measured.failures;
  if (cpuBefore !== undefined && cpuAfter !== undefined && calls > 0) summary.serverCpuPerCall = (cpuAfter - cpuBefore) / calls;
  return summary;
}

/** Calls `work` from `concurrency` callers, each starting again as soon as its last call ends. */
export async function loadCalls(work: () => Promise<unknown>, options: LoadOptions): Promise<LatencySummary> {
  const run = async (seconds: number) => {
    const latencies: number[] = [];
    let failures = 0;
    let firstError: unknown;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    const caller = async () => {
      while (performance.now() < deadline) {
        const begun = performance.now();
        try {
          await work();
          latencies.push(performance.now() - begun);
        } catch (error) {
          failures++;
          firstError ??= error;
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, caller));
    if (firstError) console.error("  a call failed:", firstError);
    return { latencies, failures, seconds: (performance.now() - started) / 1000 };
  };
  if (options.warmupSeconds > 0) await run(options.warmupSeconds);
  const measured = await run(options.seconds);
  return summarise(measured.latencies, measured.seconds, measured.failures);
}

export function ms(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : "-";
}

export function describe(summary: LatencySummary): string {
  const failed = summary.failures > 0 ? `, ${summary.failures} FAILED` : "";
  const cpu = summary.serverCpuPerCall === undefined ? "" : `, server CPU ${ms(summary.serverCpuPerCall)}/call`;
  return `p50 ${ms(summary.p50)}, p95 ${ms(summary.p95)}, p99 ${ms(summary.p99)}, ${summary.perSecond.toFixed(0)} req/s (${summary.requests} calls${failed})${cpu}`;
}

/** A plain-text table, columns padded to their widest cell. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}
