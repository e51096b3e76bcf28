// Vitest global setup: migrates one template database per run, which every test
// then copies (see db/test-db.ts). Migrating once instead of per test keeps a
// fresh database per test affordable on two cores.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "./client";
import { migrateDatabase } from "./migrate";
import { databaseUrl, onServer, type TestDatabaseTemplate } from "./test-server";

async function preparePglite(): Promise<{ template: TestDatabaseTemplate; dispose: () => Promise<void> }> {
  const handle = await openDatabase({ kind: "pglite" });
  try {
    await migrateDatabase(handle);
    // Uncompressed: it loads faster than gzip, and the file lives only for this run.
    const dump = await handle.pglite!.dumpDataDir("none");
    const dir = await mkdtemp(path.join(os.tmpdir(), "crescendo-test-"));
    const dumpFile = path.join(dir, "migrated.tar");
    await writeFile(dumpFile, Buffer.from(await dump.arrayBuffer()));
    return { template: { kind: "pglite", dumpFile }, dispose: () => rm(dir, { recursive: true, force: true }) };
  } finally {
    await handle.close();
  }
}

async function preparePostgres(adminUrl: string): Promise<{ template: TestDatabaseTemplate; dispose: () => Promise<void> }> {
  // One prefix per run, so teardown can drop whatever a crashed test left behind
  // without touching databases of another run on the same server.
  const databasePrefix = `crescendo_test_${randomBytes(4).toString("hex")}_`;
  const templateName = `${databasePrefix}template`;
  await onServer(adminUrl, (sql) => sql.unsafe(`create database "${templateName}"`));
  const url = databaseUrl(adminUrl, templateName);
  const handle = await openDatabase({ kind: "postgres", url, maxConnections: 1 });
  try {
    await migrateDatabase(handle, url);
  } finally {
    // CREATE DATABASE ... TEMPLATE refuses a template that anyone is connected to.
    await handle.close();
  }

  const dispose = () =>
    onServer(adminUrl, async (sql) => {
      const leftovers = await sql<{ datname: string }[]>`
        select datname from pg_database where starts_with(datname, ${databasePrefix})`;
      for (const { datname } of leftovers) await sql.unsafe(`drop database "${datname}" with (force)`);
    });
  return { template: { kind: "postgres", adminUrl, templateName, databasePrefix }, dispose };
}

export default async function setup(project: TestProject) {
  const backend = process.env.TEST_DATABASE ?? "pglite";
  let prepared;
  if (backend === "postgres") {
    const adminUrl = process.env.TEST_POSTGRES_URL;
    if (!adminUrl) throw new Error("TEST_DATABASE=postgres needs TEST_POSTGRES_URL (a superuser URL to a running server)");
    prepared = await preparePostgres(adminUrl);
  } else if (backend === "pglite") {
    prepared = await preparePglite();
  } else {
    throw new Error(`TEST_DATABASE must be "pglite" or "postgres", not "${backend}"`);
  }
  project.provide("testDatabaseTemplate", prepared.template);
  return prepared.dispose;
}
