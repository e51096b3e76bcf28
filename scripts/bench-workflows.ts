// npm run bench:workflows: how fast the embedded workflow executor goes on a
// real PostgreSQL, so a change to it can be judged by numbers. It starts its own
// throwaway PostgreSQL (scripts/start-test-postgres.sh), a serve app and the
// executors in this one process, as the app server runs them, and measures:
//   throughput      10,000 runs of a three-step function: runs completed per
//                   second from the first event to the last completion
//   timer lateness  1,000 runs that step.sleep("2s"), started at half the
//                   measured throughput so the timers, not a backlog, are timed
//   duplicates      step executions beyond one per run and step (must be 0)
// Options: --runs=10000 --sleepers=1000 --executors=1 --concurrency=32
//          --pool=<connections per executor> --poll=200 (ms)
//          --processes=1: with N > 1, N worker processes each run a serve app
//          and its executors on the one database, as N app instances sharing
//          one PostgreSQL would; this process only sends the events and
//          measures, and the figures (CPU per run too) are for all of them
//          --sleep-rate=<runs/s> (0: all at once, so the timers wait behind the
//          backlog of starting runs: the queue is ordered by due time, as Inngest's is)
import { type ChildProcess, fork } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import os from "node:os";
import { parseArgs } from "node:util";
import { type Database, type DatabaseHandle, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { databaseUrl, onServer } from "@/db/test-server";
import { WorkflowExecutor } from "@/inngest/executor/executor";
import {
  addExecutionReport,
  benchFunctions,
  duplicateExecutions,
  executionReport,
  resetExecutions,
  SLEEP,
  stepStarts,
} from "@/inngest/executor/testing/bench-functions";
import { percentile, sleepLateness, throughput } from "@/inngest/executor/testing/bench-measure";
import { startServeApp } from "@/inngest/executor/testing/serve-app";
import { type BenchPostgres, startPostgres, stopPostgres } from "./bench/postgres";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "10000" },
    sleepers: { type: "string", default: "1000" },
    "sleep-rate": { type: "string" },
    executors: { type: "string", default: "1" },
    concurrency: { type: "string", default: "32" },
    pool: { type: "string" },
    poll: { type: "string", default: "200" },
    processes: { type: "string", default: "1" },
    // Internal: run as one of the worker processes, on this database URL.
    worker: { type: "string" },
  },
});
const processCount = Number(args.processes);
const runs = Number(args.runs);
const sleepers = Number(args.sleepers);
const executorCount = Number(args.executors);
const concurrency = Number(args.concurrency);
// Every call in flight may hold a connection, plus the claim loop's.
const pool = args.pool ? Number(args.pool) : concurrency + 2;
const pollIntervalMs = Number(args.poll);

/**
 * CPU seconds PostgreSQL has used so far: the postmaster, its live backends, and
 * the backends that have exited (its children's times). On Linux only; 0 elsewhere.
 * PostgreSQL shares the machine's cores with this process, so its CPU per run
 * is part of what a run costs.
 */
async function postgresCpuSeconds(postmasterPid: number): Promise<number> {
  const ticksPerSecond = 100;
  const stat = async (pid: string) => {
    const text = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    // Fields after the command name, which is in parentheses and may hold spaces.
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  };
  let ticks = 0;
  const own = await stat(String(postmasterPid));
  if (own.length < 15) return 0;
  // utime, stime, cutime, cstime are fields 14-17 of /proc/<pid>/stat.
  ticks += Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = await stat(entry);
    if (Number(fields[1]) === postmasterPid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / ticksPerSecond;
}

interface Setup {
  db: Database;
  /** Takes the benchmark's events. */
  executor: WorkflowExecutor;
  /** Stops the executors; returns the CPU ms the workers used since they were ready (0 when the executors ran in this process). */
  stop(): Promise<{ workerCpuMs: number }>;
  close(): Promise<void>;
}

/** A fresh migrated database, with the executors and a serve app on it (or on each of the worker processes). */
async function setUp(server: BenchPostgres, name: string): Promise<Setup> {
  await onServer(server.url, (sql) => sql.unsafe(`create database "${name}"`));
  const url = databaseUrl(server.url, name);
  if (processCount > 1) {
    const handle = await openDatabase({ kind: "postgres", url, maxConnections: 4 });
    await migrateDatabase(handle, url);
    return setUpWorkers(handle, url);
  }
  const { executors, stop, close } = await startExecutors(url, true);
  let stopping: Promise<void> | null = null;
  return {
    db: executors[0]!.db,
    executor: executors[0]!.executor,
    async stop() {
      await (stopping ??= stop());
      return { workerCpuMs: 0 };
    },
    close,
  };
}

/** A serve app and its executors on the migrated database at `url`, started and synced. */
async function startExecutors(url: string, migrate: boolean) {
  const handles: DatabaseHandle[] = [];
  for (let i = 0; i < executorCount; i++) handles.push(await openDatabase({ kind: "postgres", url, maxConnections: pool }));
  if (migrate) await migrateDatabase(handles[0]!, url);
  const app = await startServeApp("bench", benchFunctions);
  const executors = handles.map(
    (handle) =>
      new WorkflowExecutor({
        db: handle.db,
        appUrls: [app.serveUrl],
        signingKey: app.signingKey,
        concurrency,
        pollIntervalMs,
        onError: (error) => console.error(error),
      }),
  );
  app.attach(executors[0]!);
  for (const executor of executors) await executor.sync();
  for (const executor of executors) executor.start();
  return {
    executors: executors.map((executor, i) => ({ executor, db: handles[i]!.db })),
    async stop() {
      await Promise.all(executors.map((executor) => executor.stop()));
      await app.close();
    },
    async close() {
      await Promise.all(handles.map((handle) => handle.close()));
    },
  };
}

type WorkerMessage = { type: "ready" } | { type: "done"; cpuMs: number; report: ReturnType<typeof executionReport> };

/** Starts the worker processes on the database and waits until each has synced; events are sent from here. */
async function setUpWorkers(handle: DatabaseHandle, url: string): Promise<Setup> {
  const workers = Array.from({ length: processCount }, () =>
    fork(process.argv[1]!, [...process.argv.slice(2), `--worker=${url}`], { stdio: ["ignore", "inherit", "inherit", "ipc"] }),
  );
  const next = (worker: ChildProcess) =>
    new Promise<WorkerMessage>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`A benchmark worker exited early (code ${code})`));
      worker.once("exit", exited);
      worker.once("message", (message: WorkerMessage) => {
        worker.off("exit", exited);
        resolve(message);
      });
    });
  try {
    await Promise.all(workers.map(next));
  } catch (error) {
    for (const worker of workers) worker.kill();
    throw error;
  }
  let stopped = false;
  // Not started: it only takes the events in, with the functions the workers synced.
  const sender = new WorkflowExecutor({ db: handle.db, appUrls: [], signingKey: "unused" });
  await sender.loadStoredFunctions();
  return {
    db: handle.db,
    executor: sender,
    async stop() {
      if (stopped) return { workerCpuMs: 0 };
      stopped = true;
      const running = workers.filter((worker) => worker.exitCode === null && worker.signalCode === null);
      const done = running.map(next);
      for (const worker of running) worker.send({ type: "stop" });
      let workerCpuMs = 0;
      for (const message of await Promise.all(done)) {
        if (message.type !== "done") continue;
        workerCpuMs += message.cpuMs;
        addExecutionReport(message.report);
      }
      return { workerCpuMs };
    },
    close: () => handle.close(),
  };
}

/** One worker process: a serve app and its executors, until the parent says stop; then its CPU and step counts. */
async function runWorker(url: string) {
  const { stop, close } = await startExecutors(url, false);
  const cpuBefore = process.cpuUsage();
  process.send!({ type: "ready" } satisfies WorkerMessage);
  process.once("message", () => {
    void stop()
      .then(close)
      .then(() => {
        const cpu = process.cpuUsage(cpuBefore);
        const done: WorkerMessage = { type: "done", cpuMs: (cpu.user + cpu.system) / 1000, report: executionReport() };
        process.send!(done, () => process.exit(0));
      });
  });
}

/** Sends `count` events in batches, all at once or spread evenly at `perSecond`. */
async function sendEvents(setup: Setup, name: string, count: number, perSecond?: number) {
  const batchSize = perSecond ? Math.max(1, Math.round(perSecond / 10)) : 500;
  const started = Date.now();
  for (let first = 0; first < count; first += batchSize) {
    if (perSecond) {
      const due = started + (first / perSecond) * 1000;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    }
    const batch = [];
    for (let n = first; n < Math.min(count, first + batchSize); n++) batch.push({ name, data: { n } });
    await setup.executor.send(batch);
  }
}

async function benchThroughput(server: BenchPostgres): Promise<number> {
  const setup = await setUp(server, "bench_throughput");
  let stopped = false;
  try {
    const cpuBefore = process.cpuUsage();
    const postgresBefore = await postgresCpuSeconds(server.pid);
    const started = new Date();
    const sending = sendEvents(setup, "bench/chain", runs);
    const result = await throughput(setup.db, "bench-chain", runs, started);
    await sending;
    const cpu = process.cpuUsage(cpuBefore);
    const postgresMsPerRun = ((await postgresCpuSeconds(server.pid)) - postgresBefore) * 1000 / runs;
    const { workerCpuMs } = await setup.stop();
    stopped = true;
    const cpuMs = (cpu.user + cpu.system) / 1000 + workerCpuMs;
    const who = processCount > 1 ? `the ${processCount} worker processes and this one used` : "this process used";
    console.log(
      `throughput: ${runs} runs in ${(result.elapsedMs / 1000).toFixed(1)} s = ${result.perSecond.toFixed(1)} runs/s ` +
        `(middle 80% of completions: ${result.sustainedPerSecond.toFixed(1)} runs/s); ` +
        `${who} ${(cpuMs / runs).toFixed(1)} ms of CPU per run (${((cpuMs / result.elapsedMs) * 100).toFixed(0)}% of a core), ` +
        `PostgreSQL ${postgresMsPerRun.toFixed(1)} ms per run; load average ${os.loadavg()[0]!.toFixed(1)} at the end`,
    );
    return result.perSecond;
  } finally {
    if (!stopped) await setup.stop();
    await setup.close();
  }
}

async function benchTimers(server: BenchPostgres, perSecond: number) {
  const setup = await setUp(server, "bench_timers");
  try {
    await sendEvents(setup, "bench/sleep", sleepers, perSecond);
    await sleepLateness(setup.db, "bench-sleeper", sleepers, stepStarts);
    // Worker processes report when each step after a sleep began once they stop.
    await setup.stop();
    const late = await sleepLateness(setup.db, "bench-sleeper", sleepers, stepStarts);
    const ms = (values: number[], p: number) => `${percentile(values, p).toFixed(0)} ms`;
    const pace = perSecond > 0 ? `started at ${perSecond.toFixed(1)} runs/s` : "all started at once";
    console.log(`timer lateness, ${sleepers} runs of step.sleep("${SLEEP}") ${pace}:`);
    console.log(`  sleep stored as over: p50 ${ms(late.stored, 50)}, p99 ${ms(late.stored, 99)}, max ${ms(late.stored, 100)} after its due time`);
    console.log(`  next step started:    p50 ${ms(late.nextStep, 50)}, p99 ${ms(late.nextStep, 99)}, max ${ms(late.nextStep, 100)} after its due time`);
  } finally {
    await setup.stop();
    await setup.close();
  }
}

async function main() {
  if (args.worker) return runWorker(args.worker);
  const [load1] = os.loadavg();
  const processes = processCount > 1 ? `${processCount} worker processes, each with ` : "";
  console.log(
    `${processes}${executorCount} executor(s) x concurrency ${concurrency}, ${pool} connections each, poll ${pollIntervalMs} ms; ` +
      `${os.cpus().length} CPUs, load average ${load1!.toFixed(1)} at start`,
  );
  const server = await startPostgres();
  const stop = () => void stopPostgres(server).then(() => process.exit(130));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    resetExecutions();
    const measured = await benchThroughput(server);
    // Half the measured capacity (at most 50 runs/s), so a backlog does not pass for late timers.
    const sleepRate = args["sleep-rate"] !== undefined ? Number(args["sleep-rate"]) : Math.min(50, measured / 2);
    await benchTimers(server, sleepRate);
    const duplicates = duplicateExecutions();
    console.log(`duplicate step executions: ${duplicates}`);
    if (duplicates > 0) process.exitCode = 1;
  } finally {
    await stopPostgres(server);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
