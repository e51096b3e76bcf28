// The process the crash test kills with SIGKILL and starts again: a serve app
// with the crash function and an executor on the test's PostgreSQL, with a
// short lease so a dead process's work is taken over quickly. Every start sends
// all the test's events again under the same ids: ids are idempotency keys, so
// each run starts once however often the sending was cut short.
//   node --import tsx inngest/executor/testing/crash-app.ts
//   env: CRASH_DATABASE_URL, CRASH_SMTP_URL, CRASH_RUNS
// Prints one line "ready" once it takes work; SIGTERM stops it cleanly.
import { openDatabase } from "@/db/client";
import { WorkflowExecutor } from "../executor";
import { crashConcurrency, crashEvent, crashFunction } from "./crash-functions";
import { startServeApp } from "./serve-app";

const LEASE_MS = 2_000;
const EMAIL_CLAIM_MS = 3_000;
const SEND_BATCH = 100;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`crash-app needs ${name}`);
  return value;
}

async function main() {
  const runs = Number(required("CRASH_RUNS"));
  const handle = await openDatabase({ kind: "postgres", url: required("CRASH_DATABASE_URL"), maxConnections: 20 });
  const mail = { smtpUrl: required("CRASH_SMTP_URL"), claimMs: EMAIL_CLAIM_MS };
  const app = await startServeApp("crash", (client) => [crashFunction(client, handle.db, mail)]);
  const executor = new WorkflowExecutor({
    db: handle.db,
    appUrls: [app.serveUrl],
    signingKey: app.signingKey,
    concurrency: crashConcurrency,
    pollIntervalMs: 50,
    leaseMs: LEASE_MS,
    backoffMs: (attempt) => Math.min(250 * attempt, 1_000),
    onError: (error) => console.error("executor:", error),
  });
  app.attach(executor);
  await executor.sync();
  executor.start();
  process.stdout.write("ready\n");

  process.once("SIGTERM", () => {
    void (async () => {
      await executor.stop();
      await app.close();
      await handle.close();
      process.exit(0);
    })();
  });

  for (let first = 0; first < runs; first += SEND_BATCH) {
    const batch = [];
    for (let n = first; n < Math.min(runs, first + SEND_BATCH); n++) batch.push({ name: crashEvent, id: `crash-${n}`, data: { n } });
    await executor.send(batch);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
