import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import packageJson from "@/package.json";

const DB_TIMEOUT_MS = 2_000;

export interface Health {
  httpStatus: 200 | 503;
  body: { status: "ok" | "error"; db: "ok" | "down"; version: string };
}

/** Whether the database answers a trivial query within two seconds. */
export async function checkHealth(getDatabase: () => Promise<Database>): Promise<Health> {
  const version = packageJson.version;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getDatabase().then((db) => db.execute(sql`select 1`)),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("database timeout")), DB_TIMEOUT_MS);
      }),
    ]);
    return { httpStatus: 200, body: { status: "ok", db: "ok", version } };
  } catch {
    return { httpStatus: 503, body: { status: "error", db: "down", version } };
  } finally {
    clearTimeout(timer);
  }
}
