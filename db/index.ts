// The app's database: one handle per process, kept on globalThis because dev hot
// reload and Next's separate server bundles would otherwise each open their own
// (two PGlite instances on one folder corrupt it).
import path from "node:path";
import { env } from "@/server/env";
import { type Database, type DatabaseHandle, openDatabase } from "./client";
import { migrateDatabase } from "./migrate";

export type { Database, Transaction } from "./client";

const globalForDb = globalThis as unknown as { crescendoDb?: Promise<DatabaseHandle> };

async function openAppDatabase(): Promise<DatabaseHandle> {
  const handle = env.DATABASE_URL
    ? await openDatabase({ kind: "postgres", url: env.DATABASE_URL, maxConnections: env.DATABASE_POOL_SIZE })
    : await openDatabase({ kind: "pglite", dataDir: path.resolve(env.DATA_DIR, "pglite") });
  await migrateDatabase(handle, env.DATABASE_URL);
  return handle;
}

/** The migrated app database handle (opened and migrated on first use). */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  globalForDb.crescendoDb ??= openAppDatabase().catch((error: unknown) => {
    globalForDb.crescendoDb = undefined;
    throw error;
  });
  return globalForDb.crescendoDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}
