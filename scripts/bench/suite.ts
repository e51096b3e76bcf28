// What every benchmark suite receives and hands back. A suite measures one hot
// path and returns rows for the summary table; figures are printed, never asserted.
import type { LoadOptions } from "./measure";
import type { Scale, SeededData } from "./seed";

export interface BenchContext {
  scale: Scale;
  /** How hard to load: every measure runs once at each of `levels` concurrent connections. */
  load: BenchLoad;
  /** The seeded bench database (suites with needs.database). */
  databaseUrl: string;
  seeded: SeededData;
  /** The running production build, its server's PID, and a signed-in member's Cookie header (suites with needs.app). */
  app: { baseUrl: string; pid: number; cookie: string };
}

export interface BenchLoad {
  levels: number[];
  warmupSeconds: number;
  seconds: number;
}

/** The load options for one level of concurrency. */
export function atLevel(load: BenchLoad, concurrency: number): LoadOptions {
  return { concurrency, warmupSeconds: load.warmupSeconds, seconds: load.seconds };
}

export interface SummaryRow {
  suite: string;
  measure: string;
  result: string;
  target: string;
  /** "ok", "MISSED", or "" where there is no target. */
  verdict: string;
}

export interface Suite {
  name: string;
  /** What the harness must set up before the suite runs. */
  needs: { database: boolean; app: boolean };
  run(context: BenchContext): Promise<SummaryRow[]>;
}

export function verdict(met: boolean): string {
  return met ? "ok" : "MISSED";
}
