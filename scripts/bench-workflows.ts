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
//          --sleep-rate=<runs/s> (0: all at once, so the timers wait behind the
//          backlog of starting runs: the queue is ordered by due time, as Inngest's is)
import { execFile } from "node:child_process";
import { readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import { parseArgs, promisify } from "node:util";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { databaseUrl, onServer } from "@/db/test-server";
import { WorkflowExecutor } from "@/inngest/executor/executor";
import { benchFunctions, duplicateExecutions, resetExecutions, SLEEP, stepStarts } from "@/inngest/executor/testing/bench-functions";
import { percentile, sleepLateness, throughput } from "@/inngest/executor/testing/bench-measure";
import { startServeApp } from "@/inngest/executor/testing/serve-app";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "10000" },
    sleepers: { type: "string", default: "1000" },
    "sleep-rate": { type: "string" },
    executors: { type: "string", default: "1" },
    concurrency: { type: "string", default: "32" },
    pool: { type: "string" },
    poll: { type: "string", default: "200" },
  },
});
const runs = Number(args.runs);
const sleepers = Number(args.sleepers);
const executorCount = Number(args.executors);
const concurrency = Number(args.concurrency);
// Every call in flight may hold a connection, plus the claim loop's.
const pool = args.pool ? Number(args.pool) : concurrency + 2;
const pollIntervalMs = Number(args.poll);

interface Postgres {
  url: string;
  pid: number;
  dir: string;
}

async function startPostgres(): Promise<Postgres> {
  try {
    const { stdout } = await promisify(execFile)("bash", ["scripts/start-test-postgres.sh"]);
    const value = (key: string) => new RegExp(`^${key}=(.*)$`, "m").exec(stdout)?.[1] ?? "";
    return { url: value("TEST_POSTGRES_URL"), pid: Number(value("TEST_POSTGRES_PID")), dir: value("TEST_POSTGRES_DIR") };
  } catch (error) {
    if ((error as { code?: number }).code === 3) {
      console.error("The benchmark needs PostgreSQL 15 (on Debian: apt-get install -y postgresql-15).");
      process.exit(3);
    }
    throw error;
  }
}

/** SIGINT is PostgreSQL's fast shutdown; its folder can go once it has exited. */
async function stopPostgres(postgres: Postgres) {
  try {
    process.kill(postgres.pid, "SIGINT");
  } catch {
    // Already gone.
  }
  for (let i = 0; i < 100 && isAlive(postgres.pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  await rm(postgres.dir, { recursive: true, force: true });
}

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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A fresh migrated database, with the executors and a serve app on it. */
async function setUp(server: Postgres, name: string) {
  await onServer(server.url, (sql) => sql.unsafe(`create database "${name}"`));
  const url = databaseUrl(server.url, name);
  const handles: DatabaseHandle[] = [];
  for (let i = 0; i < executorCount; i++) handles.push(await openDatabase({ kind: "postgres", url, maxConnections: pool }));
  await migrateDatabase(handles[0]!, url);
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
    db: handles[0]!.db,
    executor: executors[0]!,
    async close() {
      await Promise.all(executors.map((executor) => executor.stop()));
      await app.close();
      await Promise.all(handles.map((handle) => handle.close()));
    },
  };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

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

async function benchThroughput(server: Postgres): Promise<number> {
  const setup = await setUp(server, "bench_throughput");
  try {
    const cpuBefore = process.cpuUsage();
    const postgresBefore = await postgresCpuSeconds(server.pid);
    const started = new Date();
    const sending = sendEvents(setup, "bench/chain", runs);
    const result = await throughput(setup.db, "bench-chain", runs, started);
    await sending;
    const cpu = process.cpuUsage(cpuBefore);
    const postgresMsPerRun = ((await postgresCpuSeconds(server.pid)) - postgresBefore) * 1000 / runs;
    const cpuMsPerRun = (cpu.user + cpu.system) / 1000 / runs;
    console.log(
      `throughput: ${runs} runs in ${(result.elapsedMs / 1000).toFixed(1)} s = ${result.perSecond.toFixed(1)} runs/s ` +
        `(middle 80% of completions: ${result.sustainedPerSecond.toFixed(1)} runs/s); ` +
        `this process used ${cpuMsPerRun.toFixed(1)} ms of CPU per run (${((cpu.user + cpu.system) / 1000 / result.elapsedMs * 100).toFixed(0)}% of a core), ` +
        `PostgreSQL ${postgresMsPerRun.toFixed(1)} ms per run; load average ${os.loadavg()[0]!.toFixed(1)} at the end`,
    );
    return result.perSecond;
  } finally {
    await setup.close();
  }
}

async function benchTimers(server: Postgres, perSecond: number) {
  const setup = await setUp(server, "bench_timers");
  try {
    await sendEvents(setup, "bench/sleep", sleepers, perSecond);
    const late = await sleepLateness(setup.db, "bench-sleeper", sleepers, stepStarts);
    const ms = (values: number[], p: number) => `${percentile(values, p).toFixed(0)} ms`;
    const pace = perSecond > 0 ? `started at ${perSecond.toFixed(1)} runs/s` : "all started at once";
    console.log(`timer lateness, ${sleepers} runs of step.sleep("${SLEEP}") ${pace}:`);
    console.log(`  sleep stored as over: p50 ${ms(late.stored, 50)}, p99 ${ms(late.stored, 99)}, max ${ms(late.stored, 100)} after its due time`);
    console.log(`  next step started:    p50 ${ms(late.nextStep, 50)}, p99 ${ms(late.nextStep, 99)}, max ${ms(late.nextStep, 100)} after its due time`);
  } finally {
    await setup.close();
  }
}

async function main() {
  const [load1] = os.loadavg();
  console.log(
    `${executorCount} executor(s) x concurrency ${concurrency}, ${pool} connections each, poll ${pollIntervalMs} ms; ` +
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
