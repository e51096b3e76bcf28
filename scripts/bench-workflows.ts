// npm run bench:workflows: how fast the embedded workflow executor goes on a
// real PostgreSQL, so a change to it can be judged by numbers. It starts its own
// throwaway PostgreSQL (scripts/start-test-postgres.sh) and, per app instance,
// two worker processes: the app's serve handler (the Inngest SDK running the
// functions) and the executors calling it over HTTP, as one app server would
// run them. Apart, each one's CPU time is its own, so a run's CPU splits into
// SDK, executor and PostgreSQL (its backends summed). This process only sends
// the events and measures:
//   throughput      10,000 runs of a three-step function, with 1 and then 2
//                   instances on the one database: runs completed per second
//                   from the first event to the last completion
//   timer lateness  1,000 runs that step.sleep("2s"), started at half the
//                   measured throughput so the timers, not a backlog, are timed
//   duplicates      step executions beyond one per run and step (must be 0)
// Options: --runs=10000 --sleepers=1000 --instances=1,2 --executors=1 (per
//          instance) --concurrency=32 --pool=<connections per executor> --poll=200 (ms)
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
    instances: { type: "string", default: "1,2" },
    executors: { type: "string", default: "1" },
    concurrency: { type: "string", default: "32" },
    pool: { type: "string" },
    poll: { type: "string", default: "200" },
    // Internal: run as a worker process ("sdk" or "executor") on this database URL.
    worker: { type: "string" },
    role: { type: "string" },
    "app-url": { type: "string" },
    "signing-key": { type: "string" },
  },
});
const instanceCounts = args.instances.split(",").map(Number);
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

type Role = "sdk" | "executor";
type WorkerMessage =
  | { type: "ready"; serveUrl?: string; signingKey?: string }
  | { type: "done"; cpuMs: number; report: ReturnType<typeof executionReport> };

interface Worker {
  role: Role;
  process: ChildProcess;
}

function nextMessage(worker: ChildProcess): Promise<WorkerMessage> {
  return new Promise<WorkerMessage>((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`A benchmark worker exited early (code ${code})`));
    worker.once("exit", exited);
    worker.once("message", (message: WorkerMessage) => {
      worker.off("exit", exited);
      resolve(message);
    });
  });
}

interface Setup {
  db: Database;
  /** Takes the benchmark's events (not started: it runs nothing). */
  sender: WorkflowExecutor;
  /** Stops the workers; returns the CPU ms each role used since they were ready. */
  stop(): Promise<Record<Role, number>>;
  close(): Promise<void>;
}

/** A fresh migrated database with `instances` app instances on it, each an SDK worker and an executor worker, synced and running. */
async function setUp(server: BenchPostgres, name: string, instances: number): Promise<Setup> {
  await onServer(server.url, (sql) => sql.unsafe(`create database "${name}"`));
  const url = databaseUrl(server.url, name);
  const handle = await openDatabase({ kind: "postgres", url, maxConnections: 4 });
  await migrateDatabase(handle, url);
  const workers: Worker[] = [];
  const start = async (role: Role, extra: string[] = []) => {
    const child = fork(process.argv[1]!, [...process.argv.slice(2), `--worker=${url}`, `--role=${role}`, ...extra], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    workers.push({ role, process: child });
    return nextMessage(child);
  };
  try {
    const apps = await Promise.all(Array.from({ length: instances }, () => start("sdk")));
    // One after the other: each sync rewrites the functions' rows.
    for (const app of apps) {
      if (app.type !== "ready") throw new Error("An SDK worker did not start");
      await start("executor", [`--app-url=${app.serveUrl!}`, `--signing-key=${app.signingKey!}`]);
    }
  } catch (error) {
    for (const worker of workers) worker.process.kill();
    throw error;
  }
  const sender = new WorkflowExecutor({ db: handle.db, appUrls: [], signingKey: "unused" });
  await sender.loadStoredFunctions();
  let stopped: Promise<Record<Role, number>> | null = null;
  return {
    db: handle.db,
    sender,
    stop: () =>
      (stopped ??= (async () => {
        // Executors first, so no call meets a serve handler that is gone.
        const cpu: Record<Role, number> = { sdk: 0, executor: 0 };
        for (const role of ["executor", "sdk"] as const) {
          const running = workers.filter((worker) => worker.role === role && worker.process.exitCode === null);
          const done = running.map((worker) => nextMessage(worker.process));
          for (const worker of running) worker.process.send({ type: "stop" });
          for (const message of await Promise.all(done)) {
            if (message.type !== "done") continue;
            cpu[role] += message.cpuMs;
            addExecutionReport(message.report);
          }
        }
        return cpu;
      })()),
    close: () => handle.close(),
  };
}

/** One worker process: the serve app (SDK) or its executors, until the parent says stop; then its CPU and step counts. */
async function runWorker(url: string, role: Role) {
  let ready: WorkerMessage = { type: "ready" };
  let stop: () => Promise<void>;
  if (role === "sdk") {
    const app = await startServeApp("bench", benchFunctions);
    ready = { type: "ready", serveUrl: app.serveUrl, signingKey: app.signingKey };
    stop = () => app.close();
  } else {
    const handles: DatabaseHandle[] = [];
    for (let i = 0; i < executorCount; i++) handles.push(await openDatabase({ kind: "postgres", url, maxConnections: pool }));
    const executors = handles.map(
      (handle) =>
        new WorkflowExecutor({
          db: handle.db,
          appUrls: [args["app-url"]!],
          signingKey: args["signing-key"]!,
          concurrency,
          pollIntervalMs,
          onError: (error) => console.error(error),
        }),
    );
    for (const executor of executors) await executor.sync();
    for (const executor of executors) executor.start();
    stop = async () => {
      await Promise.all(executors.map((executor) => executor.stop()));
      await Promise.all(handles.map((handle) => handle.close()));
    };
  }
  const cpuBefore = process.cpuUsage();
  process.send!(ready);
  process.once("message", () => {
    const cpu = process.cpuUsage(cpuBefore);
    void stop().then(() => {
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
    await setup.sender.send(batch);
  }
}

async function benchThroughput(server: BenchPostgres, instances: number): Promise<number> {
  const setup = await setUp(server, `bench_throughput_${instances}`, instances);
  try {
    const cpuBefore = process.cpuUsage();
    const postgresBefore = await postgresCpuSeconds(server.pid);
    const started = new Date();
    const sending = sendEvents(setup, "bench/chain", runs);
    const result = await throughput(setup.db, "bench-chain", runs, started);
    await sending;
    const own = process.cpuUsage(cpuBefore);
    const postgresMs = ((await postgresCpuSeconds(server.pid)) - postgresBefore) * 1000;
    const cpu = await setup.stop();
    const senderMs = (own.user + own.system) / 1000;
    const perRun = (ms: number) => `${(ms / runs).toFixed(2)} ms`;
    const totalMs = cpu.sdk + cpu.executor + postgresMs + senderMs;
    const cores = totalMs / result.elapsedMs;
    console.log(
      `throughput, ${instances} instance${instances > 1 ? "s" : ""}: ${runs} runs in ${(result.elapsedMs / 1000).toFixed(1)} s = ${result.perSecond.toFixed(1)} runs/s ` +
        `(middle 80% of completions: ${result.sustainedPerSecond.toFixed(1)} runs/s); load average ${os.loadavg()[0]!.toFixed(1)} at the end`,
    );
    console.log(
      `  CPU per run: SDK ${perRun(cpu.sdk)}, executor ${perRun(cpu.executor)}, PostgreSQL ${perRun(postgresMs)}, ` +
        `event sender ${perRun(senderMs)}; ${perRun(totalMs)} in all (${cores.toFixed(2)} of ${os.cpus().length} cores busy)`,
    );
    return result.perSecond;
  } finally {
    await setup.stop();
    await setup.close();
  }
}

async function benchTimers(server: BenchPostgres, perSecond: number) {
  const setup = await setUp(server, "bench_timers", 1);
  try {
    await sendEvents(setup, "bench/sleep", sleepers, perSecond);
    await sleepLateness(setup.db, "bench-sleeper", sleepers, stepStarts);
    // The SDK workers report when each step after a sleep began once they stop.
    await setup.stop();
    const late = await sleepLateness(setup.db, "bench-sleeper", sleepers, stepStarts);
    const ms = (values: number[], p: number) => `${percentile(values, p).toFixed(0)} ms`;
    const pace = perSecond > 0 ? `started at ${perSecond.toFixed(1)} runs/s` : "all started at once";
    console.log(`timer lateness, ${sleepers} runs of step.sleep("${SLEEP}") ${pace}, 1 instance:`);
    console.log(`  sleep stored as over: p50 ${ms(late.stored, 50)}, p99 ${ms(late.stored, 99)}, max ${ms(late.stored, 100)} after its due time`);
    console.log(`  next step started:    p50 ${ms(late.nextStep, 50)}, p99 ${ms(late.nextStep, 99)}, max ${ms(late.nextStep, 100)} after its due time`);
  } finally {
    await setup.stop();
    await setup.close();
  }
}

async function main() {
  if (args.worker) return runWorker(args.worker, args.role as Role);
  const [load1] = os.loadavg();
  console.log(
    `per instance: a serve app (SDK) process and ${executorCount} executor(s) x concurrency ${concurrency} in another, ${pool} connections each, poll ${pollIntervalMs} ms; ` +
      `${os.cpus().length} CPUs, load average ${load1!.toFixed(1)} at start`,
  );
  const server = await startPostgres();
  const stop = () => void stopPostgres(server).then(() => process.exit(130));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    resetExecutions();
    let measured = 0;
    for (const instances of instanceCounts) measured = await benchThroughput(server, instances);
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
