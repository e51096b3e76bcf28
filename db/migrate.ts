// Applies the committed drizzle-kit migrations. Several app instances may start
// at once on one PostgreSQL, so there the migration runs under an advisory lock.
import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { DatabaseHandle } from "./client";

const MIGRATION_LOCK_ID = 727_001;
export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export async function migrateDatabase(handle: DatabaseHandle, postgresUrl?: string): Promise<void> {
  if (handle.kind === "pglite") {
    // The migrator accepts any drizzle pg database; PGlite's session matches it.
    await migratePglite(handle.db as Parameters<typeof migratePglite>[0], { migrationsFolder });
    return;
  }
  if (!postgresUrl) throw new Error("migrateDatabase: a PostgreSQL handle needs its URL");
  // One dedicated connection, so the session-level lock and the migration share it.
  const client = postgres(postgresUrl, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migratePostgres(drizzlePostgres(client), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
