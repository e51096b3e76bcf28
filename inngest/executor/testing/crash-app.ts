// The process the crash test kills with SIGKILL and starts again: a serve app
// with the crash function and an executor on the test's database, with a short
// lease so a dead process's work is taken over quickly.
//   node --import tsx inngest/executor/testing/crash-app.ts
//   env: CRASH_DATABASE_URL (PostgreSQL) or CRASH_PGLITE_DIR (a PGlite folder,
//   which only this process may open), CRASH_SMTP_URL, CRASH_MAILER_MODULE (a
//   module whose crashMailer(smtpUrl, claimMs) sends the email: the app under
//   test's own)
// On PostgreSQL the test takes the events in itself, so they keep arriving
// while this process is down. On PGlite it cannot share the folder, so it sends
// them to this app's event API and reads the database through POST /crash/sql.
// Prints one line "ready <url> <event key>" once it takes work; SIGTERM stops it cleanly.
import type { IncomingMessage, ServerResponse } from "node:http";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { WorkflowExecutor } from "../executor";
import { crashConcurrency, crashFunction, type CrashMailer } from "./crash-functions";
import { startServeApp } from "./serve-app";

const LEASE_MS = 2_000;
// Longer than a restart, a lapsed lease and the few runs queued ahead, so a step
// retried after a kill meets the dead process's claim on its email (and must
// not pass it for sent).
const EMAIL_CLAIM_MS = 20_000;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`crash-app needs ${name}`);
  return value;
}

function openCrashDatabase(): Promise<DatabaseHandle> {
  const dataDir = process.env.CRASH_PGLITE_DIR;
  if (dataDir) return openDatabase({ kind: "pglite", dataDir });
  return openDatabase({ kind: "postgres", url: required("CRASH_DATABASE_URL"), maxConnections: 20 });
}

/** The test's read of the PGlite folder this process owns: { text, params } in, rows out. */
function sqlRoute(handle: DatabaseHandle) {
  return (path: string, req: IncomingMessage, res: ServerResponse) => {
    if (path !== "/crash/sql" || !handle.pglite) return false;
    const pglite = handle.pglite;
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const { text, params } = JSON.parse(Buffer.concat(chunks).toString()) as { text: string; params?: unknown[] };
      const result = await pglite.query(text, params ?? []);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result.rows));
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
    return true;
  };
}

async function main() {
  const handle = await openCrashDatabase();
  const { crashMailer } = (await import(required("CRASH_MAILER_MODULE"))) as { crashMailer: (smtpUrl: string, claimMs: number) => CrashMailer };
  const mailer = crashMailer(required("CRASH_SMTP_URL"), EMAIL_CLAIM_MS);
  const app = await startServeApp("crash", (client) => [crashFunction(client, handle.db, mailer)], sqlRoute(handle));
  const executor = new WorkflowExecutor({
    db: handle.db,
    appUrls: [app.serveUrl],
    signingKey: app.signingKey,
    concurrency: crashConcurrency,
    pollIntervalMs: 50,
    leaseMs: LEASE_MS,
    // The function's 20 retries span ~75 s: past the email claim even when a later kill
    // leaves a fresh claim on an email whose step has already spent retries on an earlier
    // one (at ~35 s, 2 of 1,000 runs once ran out of retries that way).
    backoffMs: (attempt) => Math.min(500 * attempt, 5_000),
    onError: (error) => console.error("executor:", error),
  });
  app.attach(executor);
  await executor.sync();
  executor.start();
  process.stdout.write(`ready ${app.url} ${app.eventKey}\n`);

  process.once("SIGTERM", () => {
    void (async () => {
      await executor.stop();
      await app.close();
      await handle.close();
      process.exit(0);
    })();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
