import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { trustProxySetting } from "./auth/client-address";

// Every setting the server reads, validated once. See the README's configuration table.
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url().optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
    DATA_DIR: z.string().default(".data"),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    APP_URL: z.url().optional(),
    PORT: z.coerce.number().int().positive().default(3000),
    SMTP_URL: z.url().optional(),
    MAIL_FROM: z.string().default("Crescendo <no-reply@crescendo.local>"),
    SEED_DEMO: z.enum(["0", "1"]).default("0"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    // Which X-Forwarded-For entries to believe: none by default (see server/auth/client-address.ts).
    TRUST_PROXY: trustProxySetting,
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
});

/** Where links in emails point: APP_URL, or this server on localhost. */
export function appUrl(): string {
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}
