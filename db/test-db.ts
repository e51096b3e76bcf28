// Migrated, empty databases for tests, made from a template that
// db/test-global-setup.ts prepares once per run: one per test file, emptied before each test.
//   default                 PGlite, loaded from a dump of a migrated instance (~0.4-1.5 s)
//   TEST_DATABASE=postgres  CREATE DATABASE ... TEMPLATE on the server at TEST_POSTGRES_URL
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { getTableName, sql } from "drizzle-orm";
import { inject, test as base } from "vitest";
import { type Database, type DatabaseHandle, openDatabase } from "./client";
import { databaseUrl, onServer, type TestDatabaseTemplate } from "./test-server";
import { schemaTables } from "./test-snapshot";

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

/** Empties every table of the schema and restarts its sequences: a database as fresh as a new copy. */
async function emptyDatabase(db: Database): Promise<void> {
  await db.execute(sql.raw(`truncate ${tables.join(", ")} restart identity cascade`));
}

// Quoted, for the truncate.
const tables = schemaTables.map((table) => `"${getTableName(table)}"`);

/**
 * `test` with a `db` fixture: each test that asks for `db` gets a migrated database
 * with every table empty. One database per test file is made and closed (dropped on
 * PostgreSQL) after the file's last test; between tests it is emptied, which costs
 * tens of milliseconds where a new copy costs about a second on PGlite.
 * Tests that need a database of their own (another process on it, say) call
 * createTestDatabase().
 */
export const test = base.extend<{ db: Database; fileDatabase: DatabaseHandle }>({
  fileDatabase: [
    // vitest reads a fixture's dependencies from the empty pattern (`fileDatabase` has none);
    // its second parameter is vitest's `use`, renamed so the React hooks rule leaves it alone.
    // eslint-disable-next-line no-empty-pattern
    async ({}, provide) => {
      const handle = await createTestDatabase();
      try {
        await provide(handle);
      } finally {
        await handle.close();
      }
    },
    { scope: "file" },
  ],
  db: async ({ fileDatabase }, provide) => {
    await emptyDatabase(fileDatabase.db);
    await provide(fileDatabase.db);
  },
});
