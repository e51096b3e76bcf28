import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

const DB_TIMEOUT_MS = 2_000;

/** Liveness for load balancers: 200 when the database answers, 503 when it does not. */
export async function GET() {
  const version = packageJson.version;
  try {
    await Promise.race([
      getDb().then((db) => db.execute(sql`select 1`)),
      new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), DB_TIMEOUT_MS)),
    ]);
    return Response.json({ status: "ok", db: "ok", version });
  } catch {
    return Response.json({ status: "error", db: "down", version }, { status: 503 });
  }
}
