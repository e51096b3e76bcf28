// The key that signs session cookies. Set AUTH_SECRET in production; the embedded
// default makes one on first start and keeps it in the data folder, so sessions
// survive restarts with zero set-up.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/server/env";

let cached: string | undefined;

export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (cached) return cached;
  if (env.DATABASE_URL && env.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET is required when DATABASE_URL is set in production: every instance must share it.");
  }
  const file = path.resolve(env.DATA_DIR, "auth-secret");
  try {
    cached = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    cached = randomBytes(32).toString("base64url");
    // "wx" fails if another process wrote it first; then theirs wins.
    try {
      writeFileSync(file, cached, { flag: "wx", mode: 0o600 });
    } catch {
      cached = readFileSync(file, "utf8").trim();
    }
  }
  return cached;
}
