// Opens the database: PostgreSQL through postgres.js when a URL is given, else
// PGlite (Postgres compiled to WASM) in a folder or from an in-memory dump.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { scrubQueryErrors } from "./query-errors";
import * as schema from "./schema";

type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseTarget =
  | { kind: "postgres"; url: string; maxConnections?: number }
  | { kind: "pglite"; dataDir?: string; loadDataDir?: Blob | File };

/** What a LISTEN calls: each notification's payload, and a word when the listening connection came back after a drop. */
export interface NotificationHandlers {
  onNotify(payload: string): void;
  /** Notifications sent while the connection was down are lost: whoever listens should re-read what they show. */
  onRelisten?(): void;
}

export interface DatabaseHandle {
  kind: DatabaseTarget["kind"];
  db: Database;
  pglite?: PGlite;
  /**
   * LISTENs on a channel. PGlite delivers in process (its one connection); postgres.js
   * opens one dedicated connection per handle for all its channels, outside the pool,
   * and listens again by itself when that connection drops. Resolves, once listening,
   * to a function that stops.
   */
  listen(channel: string, handlers: NotificationHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  // A failed query's error never carries its parameters into a log.
  scrubQueryErrors();
  if (target.kind === "postgres") {
    const client = postgres(target.url, { max: target.maxConnections ?? 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema, casing: "snake_case" });
    const listen = async (channel: string, handlers: NotificationHandlers) => {
      let listening = false;
      // postgres.js calls onlisten each time the LISTEN succeeds: first here, then after every reconnection.
      const { unlisten } = await client.listen(channel, handlers.onNotify, () => {
        if (listening) handlers.onRelisten?.();
        listening = true;
      });
      return async () => {
        await unlisten();
      };
    };
    return { kind: "postgres", db, listen, close: () => client.end({ timeout: 5 }) };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const pglite = await PGlite.create({ dataDir: target.dataDir, loadDataDir: target.loadDataDir });
  const db = drizzlePglite(pglite, { schema, casing: "snake_case" });
  // The callback must not query: PGlite runs one query at a time, and it is called while delivering.
  const listen = async (channel: string, handlers: NotificationHandlers) => {
    const unlisten = await pglite.listen(channel, handlers.onNotify);
    return () => unlisten();
  };
  return { kind: "pglite", db, pglite, listen, close: () => pglite.close() };
}
