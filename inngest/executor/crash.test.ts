// Kill -9 under load: the app process (serve endpoint and executor in one) dies
// several times while 1,000 runs (200 on PGlite) are in flight and is started again each time.
// The test keeps a few dozen runs waiting ahead, so a step retried after a kill
// comes up soon: soon enough to meet the killed process's claim on the email it
// was sending. Afterwards every run has completed, no step whose result was
// stored ran again, and every email went out; an email is delivered again only
// when a kill caught its sender between the SMTP server accepting it and the
// outbox update, and then under the same Message-ID.
// On PostgreSQL the test takes the events in itself (as another app instance
// would), so they keep arriving while the app is down. On PGlite the app's
// process owns the database folder (PGlite is one process per folder), so the
// events go to its event API, waiting while it is down, and the test reads the
// database through it.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { databaseUrl, onServer } from "@/db/test-server";
import { startSmtpServer, type TestSmtpServer } from "@/server/services/mail/test-smtp-server";
import { WorkflowExecutor } from "./executor";
import { crashConcurrency, crashEvent, crashFunctionId, crashSteps, crashTablesSql } from "./testing/crash-functions";
import { waitFor } from "./testing/wait-for";

// PGlite serves one statement at a time and reopens its folder after each kill:
// about 4 runs/s here against PostgreSQL's ~20, so fewer runs keep the test's time.
const RUNS = process.env.TEST_DATABASE === "postgres" ? 1_000 : 200;
const KILLS = 4;
// The backlog left after the last kill, on a machine that may be busy with other work.
const FINAL_WAIT_MS = 150_000;
// Runs sent but not completed, at most: a backlog this size is worked off in seconds.
const WINDOW = 2 * crashConcurrency;
const onPostgres = process.env.TEST_DATABASE === "postgres";

/** The database the app process runs on, as the test reaches it. */
interface CrashDatabase {
  /** The app process's environment for it. */
  env: Record<string, string>;
  /** Rows of a read with $n parameters. */
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** Takes events in, each id once. */
  send(events: { name: string; id: string; data: Record<string, unknown> }[]): Promise<void>;
  drop(): Promise<void>;
}

let database: CrashDatabase;
let smtp: TestSmtpServer;
let child: ChildProcess | null = null;
/** Where the app process answers, from its "ready" line. */
let childUrl = "";
let childEventKey = "";
const childOutput: string[] = [];

/** A fresh database copied from the migrated template, as db/test-db.ts makes them; the test reads and sends through its own connection. */
async function createPostgresDatabase(): Promise<CrashDatabase> {
  const template = inject("testDatabaseTemplate");
  if (template.kind !== "postgres") throw new Error("expected the PostgreSQL template");
  const name = `${template.databasePrefix}${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await onServer(template.adminUrl, (admin) => admin.unsafe(`create database "${name}" template "${template.templateName}"`));
  const url = databaseUrl(template.adminUrl, name);
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const handle = await openDatabase({ kind: "postgres", url, maxConnections: 2 });
  await sql.unsafe(crashTablesSql);
  // Takes events in, never running anything: it learns the triggers once the app has synced.
  let events: WorkflowExecutor | null = null;
  return {
    env: { CRASH_DATABASE_URL: url },
    query: async <T,>(text: string, params: unknown[] = []) => [...(await sql.unsafe(text, params as never[]))] as T[],
    async send(batch) {
      if (!events) {
        events = new WorkflowExecutor({ db: handle.db, appUrls: [], signingKey: "unused" });
        await events.loadStoredFunctions();
      }
      await events.send(batch);
    },
    async drop() {
      await sql.end({ timeout: 5 });
      await handle.close();
      await onServer(template.adminUrl, (admin) => admin.unsafe(`drop database if exists "${name}" with (force)`));
    },
  };
}

/** Posts to the app process, trying again while it is down (a kill, a restart); what it is asked is safe to repeat. */
async function postToChild(path: string, body: unknown): Promise<Response> {
  for (;;) {
    const response = await fetch(`${childUrl}${path.replace("<key>", childEventKey)}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }).catch(() => null);
    if (response?.ok) return response;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A migrated PGlite folder with the test's tables, closed again: from here on only the app process opens it. */
async function createPgliteDatabase(): Promise<CrashDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "crescendo-crash-"));
  const handle = await openDatabase({ kind: "pglite", dataDir });
  await migrateDatabase(handle);
  await handle.pglite!.exec(crashTablesSql);
  await handle.close();
  return {
    env: { CRASH_PGLITE_DIR: dataDir },
    query: async <T,>(text: string, params: unknown[] = []) => (await (await postToChild("/crash/sql", { text, params })).json()) as T[],
    // Event ids make a batch sent again (its answer lost to a kill) count once.
    send: async (batch) => void (await postToChild("/e/<key>", batch)),
    drop: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/** Starts the app process and resolves once it takes work. */
async function startChild(): Promise<ChildProcess> {
  const started = spawn(process.execPath, ["--import", "tsx", "inngest/executor/testing/crash-app.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, ...database.env, CRASH_SMTP_URL: smtp.smtpUrl, CRASH_MAILER_MODULE: path.resolve("inngest/testing/crash-mailer.ts") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.stderr!.on("data", (chunk: Buffer) => childOutput.push(chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    started.once("exit", (code, signal) => reject(new Error(`crash-app exited (${code ?? signal}) before it was ready:\n${childOutput.join("")}`)));
    createInterface({ input: started.stdout! }).on("line", (line) => {
      const [word, url, eventKey] = line.split(" ");
      if (word !== "ready") return;
      childUrl = url!;
      childEventKey = eventKey!;
      resolve();
    });
  });
  return started;
}

async function stopChild(target: ChildProcess, signal: NodeJS.Signals) {
  const exited = new Promise((resolve) => target.once("exit", resolve));
  target.kill(signal);
  // A clean stop that hangs must not hang the test.
  const fallback = setTimeout(() => target.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(fallback);
}

/** The `n` of a `select count(*)::int as n ...`. */
async function count(text: string, params?: unknown[]): Promise<number> {
  const [row] = await database.query<{ n: number }>(text, params);
  return row!.n;
}

/** A literal array of ids or numbers for a query (they come from the database itself). */
const literalArray = (values: (string | number)[], type: "uuid" | "int") => `'{${values.join(",")}}'::${type}[]`;

describe(`crash: kill -9 while runs are in flight (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  beforeAll(async () => {
    database = onPostgres ? await createPostgresDatabase() : await createPgliteDatabase();
    smtp = await startSmtpServer();
  });

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) await stopChild(child, "SIGKILL");
    await smtp?.close();
    await database?.drop();
  });

  test(
    `${RUNS} runs survive ${KILLS} kills: all complete, no stored step runs again, every email is delivered`,
    async () => {
      const functionId = [crashFunctionId];
      let lastCompleted = 0;
      // The count so far; on PGlite, read through the app, which waits out a restart.
      const completed = async () =>
        (lastCompleted = await count(`select count(*)::int as n from workflow_runs where function_id = $1 and status = 'completed'`, functionId));
      const killedPids: number[] = [];
      const started = Date.now();
      const timeline: string[] = [];

      // What the app printed, and where the runs that did not finish stand, tell why runs stall, if they do.
      const progress = async (wanted: number, timeoutMs: number) =>
        waitFor(async () => (await completed()) >= wanted, `${wanted} completed runs`, timeoutMs).catch(async (error: Error) => {
          const stuck = await database
            .query<Record<string, unknown>>(
              `select r.id, r.status, r.attempt, r.error,
                (select json_agg(json_build_object('name', s.name, 'status', s.status, 'attempts', s.attempts, 'stored', s.stored, 'error', s.error->>'message') order by s.created_at)
                  from workflow_steps s where s.run_id = r.id) as steps,
                (select json_agg(json_build_object('kind', j.kind, 'step', j.step_id, 'attempt', j.attempt, 'due', j.due_at, 'claimedBy', j.claimed_by, 'claimedUntil', j.claimed_until))
                  from workflow_jobs j where j.run_id = r.id) as jobs
              from workflow_runs r where r.function_id = $1 and r.status <> 'completed' limit 5`,
              functionId,
            )
            .catch((readError: unknown) => [{ unreadable: String(readError) }]);
          const sentCount = await count(`select count(*)::int as n from workflow_events where name = $1`, [crashEvent]).catch(() => -1);
          throw new Error(
            `${error.message} (${lastCompleted} so far, ${sentCount} events taken in, ${sent} sent) at ${new Date().toISOString()}; ` +
              `runs not completed: ${JSON.stringify(stuck)}; crash-app said:\n${childOutput.join("").slice(-4_000)}`,
          );
        });

      child = await startChild();
      let sent = 0;
      const feeding = (async () => {
        while (sent < RUNS) {
          const room = Math.min(RUNS - sent, (await completed()) + WINDOW - sent);
          // In batches of ten or more, or the last few.
          if (room >= Math.min(10, RUNS - sent)) {
            await database.send(Array.from({ length: room }, (_, i) => ({ name: crashEvent, id: `crash-${sent + i}`, data: { n: sent + i } })));
            sent += room;
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      // Awaited once the kills are done; a failure before then must not go unhandled.
      feeding.catch(() => {});

      // Kill points spread over the work, each at a random count of completed runs.
      const thresholds = Array.from({ length: KILLS }, (_, k) => Math.floor(RUNS * (0.05 + (0.8 * (k + Math.random())) / KILLS)));
      for (const threshold of thresholds) {
        await progress(threshold, 60_000);
        // A little further, at random, so the kill does not always land right after a poll.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 150));
        killedPids.push(child.pid!);
        timeline.push(`kill at ${Date.now() - started} ms (${lastCompleted}+ completed)`);
        await stopChild(child, "SIGKILL");
        child = await startChild();
      }
      await feeding;
      timeline.push(`all sent at ${Date.now() - started} ms`);
      await progress(RUNS, FINAL_WAIT_MS);
      timeline.push(`all completed at ${Date.now() - started} ms`);

      // Read while the app still runs: on PGlite it holds the database.
      const statuses = await database.query<{ status: string; n: number }>(
        `select status, count(*)::int as n from workflow_runs where function_id = $1 group by status`,
        functionId,
      );
      expect(statuses.map((row) => ({ ...row }))).toEqual([{ status: "completed", n: RUNS }]);

      // Each run left exactly one mark per step.
      expect(await count(`select count(*)::int as n from crash_marks`)).toBe(RUNS * crashSteps.length);
      expect(await count(`select count(*)::int as n from (select 1 from crash_marks group by run_id having count(*) <> ${crashSteps.length}) wrong`)).toBe(0);

      // At least once, never again once stored: a step runs again only if it was
      // in flight at a kill (or met an email claim a killed process left).
      const executions = await count(`select count(*)::int as n from crash_attempts`);
      const afterStored = await count(`select count(*)::int as n from crash_attempts where already_stored`);
      const ranAgain = await count(`select count(*)::int as n from (select 1 from crash_attempts group by run_id, step having count(*) > 1) again`);

      // One sent email per run in the outbox, and the SMTP server got every one of them.
      const outbox = await database.query<{ status: string; n: number }>(
        `select status, count(*)::int as n from outbox_emails where starts_with(idempotency_key, 'crash:') group by status`,
      );
      expect(outbox.map((row) => ({ ...row }))).toEqual([{ status: "sent", n: RUNS }]);
      const emails = await database.query<{ messageId: string; runId: string }>(
        `select message_id as "messageId", substring(idempotency_key from 7) as "runId" from outbox_emails`,
      );
      const deliveries = new Map<string, number>();
      for (const mail of smtp.received) deliveries.set(mail.messageId!, (deliveries.get(mail.messageId!) ?? 0) + 1);
      expect(emails.filter((email) => !deliveries.has(email.messageId))).toEqual([]);
      expect([...deliveries.keys()].filter((id) => !emails.some((email) => email.messageId === id))).toEqual([]);

      // A delivery again is the kill's doing: the run's email step was under way in
      // a killed process and ran again in a later one. One kill may catch several
      // sends at that point, since they run concurrently.
      const again = emails.filter((email) => deliveries.get(email.messageId)! > 1);
      const sentBy = await database.query<{ runId: string; pids: number[] }>(
        `select run_id as "runId", array_agg(pid order by id) as pids from crash_attempts
        where step = 'two' and run_id = any(${literalArray(
          again.map((email) => email.runId),
          "uuid",
        )}) group by run_id`,
      );
      const redelivered = smtp.received.length - deliveries.size;
      const claimsMet = await count(`select count(distinct run_id)::int as n from crash_claims_met`);
      // From the last try of an email step in a killed process to the next try.
      const retryDelays = await database.query<{ ms: number }>(
        `select (extract(epoch from min(b.at) - a.last) * 1000)::int as ms
        from (select run_id, max(at) as last from crash_attempts where step = 'two' and pid = any(${literalArray(killedPids, "int")}) group by run_id, pid) a
        join crash_attempts b on b.run_id = a.run_id and b.step = 'two' and b.at > a.last
        group by a.run_id, a.last`,
      );
      const delays = retryDelays.map((row) => row.ms);
      if (delays.length > 0) timeline.push(`email steps cut by a kill were tried again ${Math.min(...delays)}-${Math.max(...delays)} ms later`);
      await stopChild(child, "SIGTERM");
      child = null;

      console.info(
        `crash test (${onPostgres ? "PostgreSQL" : "PGlite"}): ${RUNS} runs, ${KILLS} kills; ${executions} step executions for ${RUNS * crashSteps.length} steps ` +
          `(${ranAgain} steps ran more than once; executions of a step already stored: ${afterStored}); ` +
          `${smtp.received.length} emails delivered for ${deliveries.size} Message-IDs: ${redelivered} re-delivered; ` +
          `${claimsMet} email steps, retried after a kill, met the killed process's claim and waited for it to lapse. ${timeline.join("; ")}`,
      );
      expect(afterStored).toBe(0);
      for (const email of again) expect(deliveries.get(email.messageId)).toBeLessThanOrEqual(1 + KILLS);
      expect(sentBy).toHaveLength(again.length);
      for (const run of sentBy) {
        expect(run.pids.some((pid, i) => killedPids.includes(pid) && run.pids.slice(i + 1).some((later) => later !== pid))).toBe(true);
      }
      // Each kill catches at most the sends it interrupts, no more than the calls the process had in flight.
      expect(redelivered).toBeLessThanOrEqual(KILLS * crashConcurrency);
    },
    300_000,
  );
});
