// The wire format between an Inngest server and an SDK serve() endpoint, as far
// as the embedded executor speaks it (checked against inngest 4.24.0). Parsing
// with zod keeps a surprise from the SDK a clear error instead of a stuck run.
import { z } from "zod";

export const functionTriggerSchema = z.union([
  z.object({ event: z.string().min(1), expression: z.string().optional() }),
  z.object({ cron: z.string().min(1), jitter: z.unknown().optional() }),
]);

export const cancelSchema = z.object({
  event: z.string().min(1),
  if: z.string().optional(),
  timeout: z.string().optional(),
});

export const concurrencySchema = z.union([
  z.number().int(),
  z.object({ limit: z.number().int(), key: z.string().optional(), scope: z.string().optional() }),
]);

export const functionConfigSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().optional(),
    triggers: z.array(functionTriggerSchema).default([]),
    steps: z.record(
      z.string(),
      z.object({
        id: z.string(),
        runtime: z.object({ type: z.string().optional(), url: z.string().url() }),
        retries: z.object({ attempts: z.number().int().min(0) }).optional(),
      }),
    ),
    cancel: z.array(cancelSchema).optional(),
    concurrency: z.union([concurrencySchema, z.array(concurrencySchema)]).optional(),
  })
  // Everything else (idempotency, throttle, debounce...) is kept so sync can refuse it by name.
  .catchall(z.unknown());
export type FunctionConfig = z.infer<typeof functionConfigSchema>;

export const syncResponseSchema = z.object({
  app_id: z.string().min(1),
  functions: z.array(z.unknown()),
});

export const errorSchema = z
  .object({ name: z.string().optional(), message: z.string().default("Unknown error"), stack: z.string().optional() })
  .catchall(z.unknown());
export type SerializedError = z.infer<typeof errorSchema>;

export const opSchema = z.object({
  id: z.string().min(1),
  op: z.string(),
  name: z.string().optional(),
  displayName: z.string().optional(),
  opts: z.record(z.string(), z.unknown()).optional().nullable(),
  data: z.unknown().optional(),
  error: errorSchema.optional().nullable(),
});
export type Op = z.infer<typeof opSchema>;
export const opsSchema = z.array(opSchema);

/** Ops the executor carries out. Anything else makes the run fail with a message naming the op. */
export const supportedOps = new Set([
  "StepRun",
  "StepError",
  "StepFailed",
  "StepPlanned",
  "StepNotFound",
  "Sleep",
  "WaitForEvent",
  "InvokeFunction",
]);

/** An event as the SDK sends it to /e/<key>. */
export const incomingEventSchema = z.object(
  {
    name: z.string({ error: "an event needs a name" }).trim().min(1, "an event needs a name"),
    data: z.record(z.string(), z.unknown(), { error: "event data must be an object" }).default({}),
    id: z.string().min(1).optional(),
    ts: z.number().optional(),
    user: z.record(z.string(), z.unknown()).optional(),
    v: z.string().optional(),
  },
  { error: "an event must be an object with a name" },
);

/** The event as functions receive it. */
export interface EventPayload {
  name: string;
  data: Record<string, unknown>;
  id: string;
  ts: number;
  user?: Record<string, unknown>;
  v?: string;
  [key: string]: unknown;
}

export const internalEvents = {
  functionCancelled: "inngest/function.cancelled",
  functionFailed: "inngest/function.failed",
  functionFinished: "inngest/function.finished",
  functionInvoked: "inngest/function.invoked",
  scheduledTimer: "inngest/scheduled.timer",
} as const;

export const headers = {
  signature: "x-inngest-signature",
  noRetry: "x-inngest-no-retry",
  requestVersion: "x-inngest-req-version",
  retryAfter: "retry-after",
  syncKind: "x-inngest-sync-kind",
} as const;

/** Attempts in total for a function config: the SDK's `retries` plus the first try (4 retries when unset). */
export function maxAttempts(config: FunctionConfig): number {
  const step = Object.values(config.steps)[0];
  return (step?.retries?.attempts ?? 4) + 1;
}

export function runtimeUrl(config: FunctionConfig): string {
  const step = Object.values(config.steps)[0];
  if (!step) throw new Error(`function ${config.id} has no step runtime`);
  return step.runtime.url;
}
