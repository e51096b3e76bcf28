// Fresh, migrated, empty databases for tests: one per test, made from a template
// that db/test-global-setup.ts prepares once per run.
//   default                 PGlite, loaded from a dump of a migrated instance (~0.4 s)
//   TEST_DATABASE=postgres  CREATE DATABASE ... TEMPLATE on the server at TEST_POSTGRES_URL
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { inject, test as base } from "vitest";
import { type Database, type DatabaseHandle, openDatabase } from "./client";
import { databaseUrl, onServer, type TestDatabaseTemplate } from "./test-server";

// Read once per test file; PGlite only reads the blob, so every test can share it.
let dump: Promise<Blob> | undefined;

async function createPgliteDatabase(dumpFile: string): Promise<DatabaseHandle> {
  dump ??= readFile(dumpFile).then((bytes) => new Blob([bytes]));
  return openDatabase({ kind: "pglite", loadDataDir: await dump });
}

async function createPostgresDatabase(template: Extract<TestDatabaseTemplate, { kind: "postgres" }>) {
  const name = `${template.databasePrefix}${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await onServer(template.adminUrl, (sql) => sql.unsafe(`create database "${name}" template "${template.templateName}"`));
  const handle = await openDatabase({ kind: "postgres", url: databaseUrl(template.adminUrl, name), maxConnections: 4 });
  return {
    ...handle,
    async close() {
      await handle.close();
      await onServer(template.adminUrl, (sql) => sql.unsafe(`drop database if exists "${name}" with (force)`));
    },
  };
}

/** A new migrated, empty database. Close it when done: that also drops it on PostgreSQL. */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const template = inject("testDatabaseTemplate");
  return template.kind === "pglite" ? createPgliteDatabase(template.dumpFile) : createPostgresDatabase(template);
}

/**
 * `test` with a `db` fixture: each test that asks for `db` gets its own fresh
 * database, closed (and dropped) after the test, pass or fail.
 */
export const test = base.extend<{ db: Database }>({
  // vitest reads a fixture's dependencies from the empty pattern (`db` has none);
  // its second parameter is vitest's `use`, renamed so the React hooks rule leaves it alone.
  // eslint-disable-next-line no-empty-pattern
  db: async ({}, provide) => {
    const handle = await createTestDatabase();
    try {
      await provide(handle.db);
    } finally {
      await handle.close();
    }
  },
});
