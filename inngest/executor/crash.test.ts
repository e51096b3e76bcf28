// Kill -9 under load: the app process (serve endpoint and executor in one) dies
// several times while 1,000 runs are in flight and is started again each time.
// The test takes the events in (as another app instance would), keeping a few
// dozen runs waiting ahead, so a step retried after a kill comes up soon:
// soon enough to meet the killed process's claim on the email it was sending.
// Afterwards every run has completed, no step whose result was stored ran
// again, and every email went out; an email is delivered again only when a
// kill caught its sender between the SMTP server accepting it and the outbox
// update, and then under the same Message-ID.
// PostgreSQL only: the app runs in a child process, which must share the database.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { createInterface } from "node:readline";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { databaseUrl, onServer } from "@/db/test-server";
import { startSmtpServer, type TestSmtpServer } from "@/server/services/mail/test-smtp-server";
import { WorkflowExecutor } from "./executor";
import { crashConcurrency, crashEvent, crashFunctionId, crashSteps, crashTablesSql } from "./testing/crash-functions";
import { waitFor } from "./testing/wait-for";

const RUNS = 1_000;
const KILLS = 4;
// Runs sent but not completed, at most: a backlog this size is worked off in seconds.
const WINDOW = 2 * crashConcurrency;
const onPostgres = process.env.TEST_DATABASE === "postgres";

let database: { url: string; sql: postgres.Sql; handle: DatabaseHandle; drop(): Promise<void> };
let smtp: TestSmtpServer;
let child: ChildProcess | null = null;
const childOutput: string[] = [];

/** A fresh database copied from the migrated template, as db/test-db.ts makes them, with its URL for the child. */
async function createDatabase() {
  const template = inject("testDatabaseTemplate");
  if (template.kind !== "postgres") throw new Error("the crash test runs on PostgreSQL only");
  const name = `${template.databasePrefix}${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await onServer(template.adminUrl, (admin) => admin.unsafe(`create database "${name}" template "${template.templateName}"`));
  const url = databaseUrl(template.adminUrl, name);
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const handle = await openDatabase({ kind: "postgres", url, maxConnections: 2 });
  const drop = async () => {
    await sql.end({ timeout: 5 });
    await handle.close();
    await onServer(template.adminUrl, (admin) => admin.unsafe(`drop database if exists "${name}" with (force)`));
  };
  return { url, sql, handle, drop };
}

/** Starts the app process and resolves once it takes work. */
async function startChild(): Promise<ChildProcess> {
  const started = spawn(process.execPath, ["--import", "tsx", "inngest/executor/testing/crash-app.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, CRASH_DATABASE_URL: database.url, CRASH_SMTP_URL: smtp.smtpUrl, CRASH_MAILER_MODULE: path.resolve("inngest/testing/crash-mailer.ts") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.stderr!.on("data", (chunk: Buffer) => childOutput.push(chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    started.once("exit", (code, signal) => reject(new Error(`crash-app exited (${code ?? signal}) before it was ready:\n${childOutput.join("")}`)));
    createInterface({ input: started.stdout! }).on("line", (line) => line === "ready" && resolve());
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
async function count(query: postgres.PendingQuery<{ n: number }[]>): Promise<number> {
  const [row] = await query;
  return row!.n;
}

describe.skipIf(!onPostgres)("crash: kill -9 while runs are in flight (PostgreSQL only: the app runs in a child process)", () => {
  beforeAll(async () => {
    database = await createDatabase();
    await database.sql.unsafe(crashTablesSql);
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
      const sql = database.sql;
      const completed = () => count(sql`select count(*)::int as n from workflow_runs where function_id = ${crashFunctionId} and status = 'completed'`);
      const killedPids: number[] = [];
      const started = Date.now();
      const timeline: string[] = [];

      // What the app printed tells why runs stall, if they do.
      const progress = async (wanted: number, timeoutMs: number) =>
        waitFor(async () => (await completed()) >= wanted, `${wanted} completed runs`, timeoutMs).catch((error: Error) => {
          throw new Error(`${error.message}; crash-app said:\n${childOutput.join("").slice(-4_000)}`);
        });

      child = await startChild();
      // Takes events in, never running anything: it learns the triggers the child synced.
      const events = new WorkflowExecutor({ db: database.handle.db, appUrls: [], signingKey: "unused" });
      await events.loadStoredFunctions();
      let sent = 0;
      const feeding = (async () => {
        while (sent < RUNS) {
          const room = Math.min(RUNS - sent, (await completed()) + WINDOW - sent);
          // In batches of ten or more, or the last few.
          if (room >= Math.min(10, RUNS - sent)) {
            await events.send(Array.from({ length: room }, (_, i) => ({ name: crashEvent, id: `crash-${sent + i}`, data: { n: sent + i } })));
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
        timeline.push(`kill at ${Date.now() - started} ms (${await completed()} completed)`);
        await stopChild(child, "SIGKILL");
        child = await startChild();
      }
      await feeding;
      timeline.push(`all sent at ${Date.now() - started} ms`);
      await progress(RUNS, 90_000);
      timeline.push(`all completed at ${Date.now() - started} ms`);
      await stopChild(child, "SIGTERM");
      child = null;

      const statuses = await sql<{ status: string; n: number }[]>`
        select status, count(*)::int as n from workflow_runs where function_id = ${crashFunctionId} group by status`;
      expect(statuses.map((row) => ({ ...row }))).toEqual([{ status: "completed", n: RUNS }]);

      // Each run left exactly one mark per step.
      expect(await count(sql`select count(*)::int as n from crash_marks`)).toBe(RUNS * crashSteps.length);
      expect(await count(sql`select count(*)::int as n from (select 1 from crash_marks group by run_id having count(*) <> ${crashSteps.length}) wrong`)).toBe(0);

      // At least once, never again once stored: a step runs again only if it was
      // in flight at a kill (or met an email claim a killed process left).
      const executions = await count(sql`select count(*)::int as n from crash_attempts`);
      const afterStored = await count(sql`select count(*)::int as n from crash_attempts where already_stored`);
      const ranAgain = await count(sql`select count(*)::int as n from (select 1 from crash_attempts group by run_id, step having count(*) > 1) again`);

      // One sent email per run in the outbox, and the SMTP server got every one of them.
      const outbox = await sql<{ status: string; n: number }[]>`
        select status, count(*)::int as n from outbox_emails where starts_with(idempotency_key, 'crash:') group by status`;
      expect(outbox.map((row) => ({ ...row }))).toEqual([{ status: "sent", n: RUNS }]);
      const emails = await sql<{ messageId: string; runId: string }[]>`
        select message_id as "messageId", substring(idempotency_key from 7) as "runId" from outbox_emails`;
      const deliveries = new Map<string, number>();
      for (const mail of smtp.received) deliveries.set(mail.messageId!, (deliveries.get(mail.messageId!) ?? 0) + 1);
      expect(emails.filter((email) => !deliveries.has(email.messageId))).toEqual([]);
      expect([...deliveries.keys()].filter((id) => !emails.some((email) => email.messageId === id))).toEqual([]);

      // A delivery again is the kill's doing: the run's email step was under way in
      // a killed process and ran again in a later one. One kill may catch several
      // sends at that point, since they run concurrently.
      const again = emails.filter((email) => deliveries.get(email.messageId)! > 1);
      const sentBy = await sql<{ runId: string; pids: number[] }[]>`
        select run_id as "runId", array_agg(pid order by id) as pids from crash_attempts
        where step = 'two' and run_id = any(${again.map((email) => email.runId)}::uuid[]) group by run_id`;
      const redelivered = smtp.received.length - deliveries.size;
      const claimsMet = await count(sql`select count(distinct run_id)::int as n from crash_claims_met`);
      // From the last try of an email step in a killed process to the next try.
      const retryDelays = await sql<{ ms: number }[]>`
        select (extract(epoch from min(b.at) - a.last) * 1000)::int as ms
        from (select run_id, max(at) as last from crash_attempts where step = 'two' and pid = any(${killedPids}::int[]) group by run_id, pid) a
        join crash_attempts b on b.run_id = a.run_id and b.step = 'two' and b.at > a.last
        group by a.run_id, a.last`;
      const delays = retryDelays.map((row) => row.ms);
      if (delays.length > 0) timeline.push(`email steps cut by a kill were tried again ${Math.min(...delays)}-${Math.max(...delays)} ms later`);

      console.info(
        `crash test: ${RUNS} runs, ${KILLS} kills; ${executions} step executions for ${RUNS * crashSteps.length} steps ` +
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
    175_000,
  );
});
