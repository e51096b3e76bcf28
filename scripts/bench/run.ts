// npm run bench: how fast Crescendo's hot paths are, at a realistic size, so a
// change can be judged by numbers. Figures are printed, never asserted.
//
//   tsx scripts/bench/run.ts [--only=baseline,campaigns,calendar,tasks,approvals,assignment,ui,workflows,reminders] [--scale=full|small]
//                            [--seconds=10] [--warmup=3] [--concurrency=4,32] [--keep-build] [--skip-build]
//                            [--cpu-prof=<dir>]  (the app server's V8 CPU profile, written when it stops)
//
// It starts a throwaway PostgreSQL 15, migrates it and seeds one large workspace
// (500 members, 10,000 campaigns over four years, 50,000 milestones, 100,000
// content items, ~2,000 of them in a month, 200,000 tasks) and two small ones (scripts/bench/seed.ts;
// --scale=small divides by 10). Then it builds the app into .next-bench, starts it
// on a free 127.0.0.1 port and signs a member in. The build folder is removed at
// the end unless --keep-build; --skip-build reuses a kept one. Each suite (scripts/bench/suites/):
//   baseline   what every request pays, as a reference: /api/health, and
//              workspace.current (session cookie, membership lookup, tRPC).
//   campaigns  campaign.list, filtered and paginated, over HTTP through tRPC with
//              autocannon at 4 and at 32 connections (10 s after a 3 s warm-up
//              each), and the SQL it runs replayed straight on the database at the
//              same concurrency (the floor). Targets: p95 <= 50 ms at 4
//              connections; at 32, p95 <= 3x the floor's p95.
//   calendar   calendar.range for the current month, measured the same way.
//   tasks      task.board for one running campaign, and "My tasks" for the member
//              signed in, measured the same way.
//   approvals  approval.queue at 20,000 requests (added by scripts/bench/seed-approvals.ts):
//              "Waiting on me" for the member signed in and "All pending", measured the same way.
//   assignment auto-assigning one campaign's 1,000 unassigned tasks over 200 members
//              in one run, on a server and workspace of its own; median of 7. Target: < 200 ms.
//   ui         /calendar in Chromium: navigation start until the month's events
//              are drawn and a click on "Next month" is answered; median of 5.
//              Target: < 1 s. The home page is measured in the same run, as a
//              light page to read the machine's speed by.
//   workflows  scripts/bench-workflows.ts as a child process (executor throughput,
//              timer lateness, duplicate steps: 0), fewer runs at --scale=small.
//   reminders  scripts/bench-reminders.ts as a child process: 10,000 task reminder
//              ladders armed, 2,000 tasks re-dated or completed while they wait,
//              lateness of the reminders (target p99 < 1 s), stale and duplicate
//              sends (0).
// A new hot path is a file in suites/ exporting a Suite, listed in `suites` below.
import { parseArgs } from "node:util";
import os from "node:os";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { BENCH_DIST_DIR, buildApp, removeBuild, type RunningApp, signIn, startApp, trpcUrl } from "./app-server";
import { loadHttp, table } from "./measure";
import { type BenchPostgres, createDatabase, startPostgres, stopPostgres } from "./postgres";
import { type Scale, seedBenchData } from "./seed";
import type { BenchContext, Suite, SummaryRow } from "./suite";
import { approvalsSuite } from "./suites/approvals";
import { assignmentSuite } from "./suites/assignment";
import { baselineSuite } from "./suites/baseline";
import { calendarSuite } from "./suites/calendar";
import { campaignsSuite } from "./suites/campaigns";
import { remindersSuite } from "./suites/reminders";
import { uiSuite } from "./suites/ui";
import { tasksSuite } from "./suites/tasks";
import { workflowsSuite } from "./suites/workflows";

const SERVER_WARMUP_SECONDS = 10;

// In this order: the workflows and reminders suites start their own PostgreSQL, so they run after the app's is gone.
const suites: Suite[] = [baselineSuite, campaignsSuite, calendarSuite, tasksSuite, approvalsSuite, assignmentSuite, uiSuite, workflowsSuite, remindersSuite];

const { values: args } = parseArgs({
  options: {
    only: { type: "string" },
    scale: { type: "string", default: "full" },
    seconds: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    concurrency: { type: "string", default: "4,32" },
    "skip-build": { type: "boolean", default: false },
    "keep-build": { type: "boolean", default: false },
    "cpu-prof": { type: "string" },
  },
});

function chosenSuites(): Suite[] {
  if (!args.only) return suites;
  const names = args.only.split(",").map((name) => name.trim());
  const unknown = names.filter((name) => !suites.some((suite) => suite.name === name));
  if (unknown.length > 0) throw new Error(`Unknown suite(s): ${unknown.join(", ")}. Known: ${suites.map((suite) => suite.name).join(", ")}`);
  return suites.filter((suite) => names.includes(suite.name));
}

function chosenLevels(): number[] {
  const levels = args.concurrency!.split(",").map(Number);
  if (levels.some((level) => !Number.isInteger(level) || level < 1)) throw new Error(`--concurrency is a list of connection counts such as 4,32, not ${args.concurrency}`);
  return levels;
}

function chosenScale(): Scale {
  if (args.scale !== "full" && args.scale !== "small") throw new Error(`--scale is full or small, not ${args.scale}`);
  return args.scale;
}

/** What is running, so an interrupt or a failure stops it all. */
const running: { postgres?: BenchPostgres; app?: RunningApp } = {};

async function tearDown() {
  const { app, postgres } = running;
  running.app = undefined;
  running.postgres = undefined;
  if (app) await app.close();
  if (postgres) await stopPostgres(postgres);
}

async function main() {
  const selected = chosenSuites();
  const scale = chosenScale();
  const load = { levels: chosenLevels(), seconds: Number(args.seconds), warmupSeconds: Number(args.warmup) };
  console.log(
    `Bench: ${selected.map((suite) => suite.name).join(", ")} at ${scale} scale; ${os.cpus().length} CPUs, ` +
      `load average ${os.loadavg()[0]!.toFixed(1)} at start; ${load.levels.join(" and ")} concurrent, ${load.warmupSeconds} s warm-up + ${load.seconds} s`,
  );
  const rows: SummaryRow[] = [];
  const context = { scale, load } as BenchContext;

  const needDatabase = selected.some((suite) => suite.needs.database || suite.needs.app);
  const needApp = selected.some((suite) => suite.needs.app);
  if (needDatabase) {
    running.postgres = await startPostgres();
    context.databaseUrl = await createDatabase(running.postgres, "bench");
    const handle = await openDatabase({ kind: "postgres", url: context.databaseUrl, maxConnections: 1 });
    try {
      await migrateDatabase(handle, context.databaseUrl);
    } finally {
      await handle.close();
    }
    context.seeded = await seedBenchData(context.databaseUrl, scale);
    const { counts, seconds } = context.seeded;
    console.log(
      `Seeded in ${seconds.toFixed(1)} s: ${counts.members} members, ${counts.campaigns} campaigns, ` +
        `${counts.milestones} milestones, ${counts.contentItems} content items, ${counts.tasks} tasks in the large workspace, plus two small ones`,
    );
  }
  if (needApp) {
    if (args["skip-build"]) console.log(`Reusing the build in ${BENCH_DIST_DIR}`);
    else console.log(`Built the app into ${BENCH_DIST_DIR} in ${(await buildApp()).toFixed(0)} s`);
    running.app = await startApp(context.databaseUrl, { cpuProfileDir: args["cpu-prof"], poolSize: Math.max(...load.levels) });
    const cookie = await signIn(running.app.baseUrl, {
      email: context.seeded.email,
      password: context.seeded.password,
      workspaceId: context.seeded.workspaceId,
    });
    context.app = { baseUrl: running.app.baseUrl, pid: running.app.pid, cookie };
    console.log(`App on ${running.app.baseUrl}, signed in as ${context.seeded.email}`);
    // A fresh server compiles its hot paths and opens its pool under the first load it sees: whichever
    // procedure came first measured that (61-80 ms p95 at 4 where the same call measured second took 42).
    // Signed-in tRPC calls at every level first, figures dropped, so each suite measures a warm server.
    const warmUrl = trpcUrl(running.app.baseUrl, "workspace.current", undefined);
    for (const level of load.levels) await loadHttp(warmUrl, { cookie }, { concurrency: level, warmupSeconds: 0, seconds: SERVER_WARMUP_SECONDS });
    console.log(`Warmed the server: ${SERVER_WARMUP_SECONDS} s of workspace.current at each of ${load.levels.join(" and ")} connections`);
  }

  for (const suite of selected) {
    if (!suite.needs.database && !suite.needs.app) await tearDown();
    console.log(`\n== ${suite.name} ==`);
    try {
      rows.push(...(await suite.run(context)));
    } catch (error) {
      console.error(error);
      rows.push({ suite: suite.name, measure: "run", result: `failed: ${(error as Error).message.split("\n")[0]}`, target: "", verdict: "FAILED" });
    }
  }
  await tearDown();
  if (needApp && !args["keep-build"]) await removeBuild();

  console.log(`\n== Summary (${scale} scale) ==`);
  console.log(table(["Suite", "Measure", "Result", "Target", ""], rows.map((row) => [row.suite, row.measure, row.result, row.target, row.verdict])));
  if (rows.some((row) => row.verdict === "FAILED")) process.exitCode = 1;
}

const interrupted = () => void tearDown().then(() => process.exit(130));
process.once("SIGINT", interrupted);
process.once("SIGTERM", interrupted);

main().catch(async (error: unknown) => {
  console.error(error);
  await tearDown();
  if (!args["keep-build"]) await removeBuild();
  process.exit(1);
});
