// The process the outbox crash test kills with SIGKILL: people sign up one after
// another (each sign-up writes "workspace/created" to the outbox in its own
// transaction) while a relay delivers the outbox to an executor that only takes
// events in. The relay polls once a second and listens for nothing, so at any
// moment the last sign-ups are committed but not yet delivered.
//   node --import tsx inngest/outbox/testing/outbox-crash-app.ts
//   env: OUTBOX_CRASH_DATABASE_URL (PostgreSQL) or OUTBOX_CRASH_PGLITE_DIR, OUTBOX_CRASH_PREFIX (makes emails unique)
// Prints "committed <workspace id>" after each sign-up commits.
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { createAccount } from "@/server/services/accounts/create-account";
import { WorkflowExecutor } from "../../executor/executor";
import { executorDeliverer } from "../deliverers";
import { OutboxRelay } from "../relay";

function openCrashDatabase(): Promise<DatabaseHandle> {
  const dataDir = process.env.OUTBOX_CRASH_PGLITE_DIR;
  if (dataDir) return openDatabase({ kind: "pglite", dataDir });
  const url = process.env.OUTBOX_CRASH_DATABASE_URL;
  if (!url) throw new Error("outbox-crash-app needs OUTBOX_CRASH_DATABASE_URL or OUTBOX_CRASH_PGLITE_DIR");
  return openDatabase({ kind: "postgres", url, maxConnections: 4 });
}

async function main() {
  const { db } = await openCrashDatabase();
  const executor = new WorkflowExecutor({ db, appUrls: [], signingKey: "unused" });
  await executor.loadStoredFunctions();
  const relay = new OutboxRelay({ db, deliverer: executorDeliverer(executor), pollIntervalMs: 1_000 });
  await relay.start();
  const prefix = process.env.OUTBOX_CRASH_PREFIX ?? "run";
  for (let n = 1; ; n++) {
    const { workspaceId } = await createAccount(db, {
      name: `Person ${n}`,
      email: `person-${prefix}-${n}@example.test`,
      password: "a long enough password",
      workspaceName: `Workspace ${prefix} ${n}`,
    });
    process.stdout.write(`committed ${workspaceId}\n`);
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
