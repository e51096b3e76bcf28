// Kill -9 between the commit and the delivery: a process signs people up while
// its relay delivers their "workspace/created" events once a second, and is
// killed right after a sign-up commits, twice. Then another process (this test)
// starts the relay and the executor again: every committed sign-up has its
// event delivered once and its welcome run once, the ones the dead process never
// delivered included. Without the outbox those were lost (the event was sent
// after the commit, by the process that died).
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { eventOutbox, workflowEvents, workflowRuns, workspaces } from "@/db/schema";
import { databaseUrl, onServer } from "@/db/test-server";
import { type ServeApp, startServeApp } from "../executor/testing/serve-app";
import { executorDeliverer } from "./deliverers";
import { OutboxRelay } from "./relay";

const KILLS = 2;
const onPostgres = process.env.TEST_DATABASE === "postgres";

interface CrashDatabase {
  env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}

async function postgresDatabase(): Promise<CrashDatabase> {
  const template = inject("testDatabaseTemplate");
  if (template.kind !== "postgres") throw new Error("expected the PostgreSQL template");
  const name = `${template.databasePrefix}${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await onServer(template.adminUrl, (admin) => admin.unsafe(`create database "${name}" template "${template.templateName}"`));
  const url = databaseUrl(template.adminUrl, name);
  return {
    env: { OUTBOX_CRASH_DATABASE_URL: url },
    open: () => openDatabase({ kind: "postgres", url, maxConnections: 4 }),
    drop: async () => void (await onServer(template.adminUrl, (admin) => admin.unsafe(`drop database if exists "${name}" with (force)`))),
  };
}

/** A migrated PGlite folder; one process at a time opens it (the test only while no app process runs). */
async function pgliteDatabase(): Promise<CrashDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "crescendo-outbox-crash-"));
  const handle = await openDatabase({ kind: "pglite", dataDir });
  await migrateDatabase(handle);
  await handle.close();
  return {
    env: { OUTBOX_CRASH_PGLITE_DIR: dataDir },
    open: () => openDatabase({ kind: "pglite", dataDir }),
    drop: () => rm(dataDir, { recursive: true, force: true }),
  };
}

let database: CrashDatabase;
let app: ServeApp;
/** Workspace ids the welcome function ran for, as often as it ran. */
const welcomed: string[] = [];

/** Starts the signing-up process and kills it with SIGKILL as soon as its `after`-th sign-up has committed. */
async function signUpUntilKilled(prefix: string, after: number): Promise<{ committed: string[]; output: string }> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "inngest/outbox/testing/outbox-crash-app.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, ...database.env, OUTBOX_CRASH_PREFIX: prefix },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const committed: string[] = [];
  let output = "";
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const [word, workspaceId] = line.split(" ");
    if (word !== "committed") return;
    committed.push(workspaceId!);
    if (committed.length === after) child.kill("SIGKILL");
  });
  await exited;
  if (child.signalCode !== "SIGKILL") throw new Error(`outbox-crash-app stopped by itself (${child.exitCode}):\n${output}`);
  return { committed, output };
}

describe(`outbox: kill -9 between the commit and the delivery (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  beforeAll(async () => {
    database = onPostgres ? await postgresDatabase() : await pgliteDatabase();
    app = await startServeApp("outbox-crash", (client) => [
      client.createFunction({ id: "welcome", triggers: [{ event: "workspace/created" }] }, async ({ event, step }) =>
        step.run("welcome", () => welcomed.push(event.data.workspaceId as string)),
      ),
    ]);
    // The app process learns the function from the database, as a restarted server does.
    const handle = await database.open();
    await (await app.startExecutor(handle.db)).stop();
    await handle.close();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  test("every committed sign-up gets its event and its welcome exactly once after the restart", { timeout: 120_000 }, async () => {
    const committed: string[] = [];
    for (let kill = 1; kill <= KILLS; kill++) {
      const round = await signUpUntilKilled(`kill${kill}`, 3 + kill);
      committed.push(...round.committed);
    }

    const handle = await database.open();
    try {
      const { db } = handle;
      // The kills did land between commits and deliveries: committed events the dead processes never delivered.
      const undelivered = await db.select({ id: eventOutbox.id }).from(eventOutbox).where(isNull(eventOutbox.deliveredAt));
      expect(undelivered.length).toBeGreaterThanOrEqual(KILLS);
      const signedUp = (await db.select({ id: workspaces.id }).from(workspaces)).map((row) => row.id);
      expect(signedUp).toEqual(expect.arrayContaining(committed));

      // The restart: a relay and an executor on the same database.
      const executor = await app.startExecutor(db);
      const relay = new OutboxRelay({ db, deliverer: executorDeliverer(executor) });
      await relay.deliverDue();
      await executor.drain();
      await executor.stop();

      expect(await db.select({ id: eventOutbox.id }).from(eventOutbox).where(isNull(eventOutbox.deliveredAt))).toEqual([]);
      const events = await db
        .select({ id: workflowEvents.id, n: sql<number>`count(*)::int` })
        .from(workflowEvents)
        .where(eq(workflowEvents.name, "workspace/created"))
        .groupBy(workflowEvents.id);
      expect(events.map((row) => row.id).sort()).toEqual(signedUp.map((id) => `workspace-created-${id}`).sort());
      expect(events.every((row) => row.n === 1)).toBe(true);
      const runs = await db.select({ status: workflowRuns.status }).from(workflowRuns).where(eq(workflowRuns.functionId, "outbox-crash-welcome"));
      expect(runs).toHaveLength(signedUp.length);
      expect(runs.every((run) => run.status === "completed")).toBe(true);
      expect([...welcomed].sort()).toEqual([...signedUp].sort());
    } finally {
      await handle.close();
    }
  });
});
