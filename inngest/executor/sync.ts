// Learns an app's functions the way the Inngest server does: an in-band sync
// (a signed PUT to the serve endpoint that answers with the function configs).
// Every function is checked before any is stored: one unsupported function
// refuses the whole sync, naming the function and the feature.
import { and, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { workflowFunctions, workflowJobs } from "@/db/schema";
import { headers, syncResponseSchema } from "./protocol";
import { type FunctionRegistry, type RegisteredFunction, registerFunction } from "./registry";
import { canonicalBody, signatureHeader } from "./signing";

export class SyncError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "SyncError";
  }
}

export interface SyncedApp {
  appId: string;
  functions: RegisteredFunction[];
}

/** Loads the functions a previous sync stored into `registry`, so events can be taken before this process has synced. */
export async function loadStoredFunctions(db: Database, registry: FunctionRegistry): Promise<void> {
  const rows = await db.select().from(workflowFunctions).where(isNull(workflowFunctions.removedAt));
  const byApp = new Map<string, RegisteredFunction[]>();
  for (const row of rows) {
    try {
      byApp.set(row.appId, [...(byApp.get(row.appId) ?? []), registerFunction(row.config)]);
    } catch {
      // A function stored by another version of the app; the next sync decides.
    }
  }
  for (const [appId, functions] of byApp) registry.setApp(appId, functions);
}

/** Asks the serve endpoint at `url` for its functions; throws SyncError or UnsupportedFunctionError. */
export async function fetchAppFunctions(url: string, signingKey: string, fetchImpl: typeof fetch = fetch): Promise<SyncedApp> {
  const body = canonicalBody({ url });
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: "PUT",
      headers: {
        "content-type": "application/json",
        [headers.syncKind]: "in_band",
        [headers.signature]: signatureHeader(body, signingKey),
      },
      body,
    });
  } catch (error) {
    throw new SyncError(`Could not reach the serve endpoint ${url} to sync: ${(error as Error).message}`, { cause: error });
  }
  const text = await response.text();
  if (!response.ok) throw new SyncError(`Syncing ${url} failed with HTTP ${response.status}: ${text.slice(0, 300)}`);
  if (response.headers.get(headers.syncKind) !== "in_band") {
    throw new SyncError(`The serve endpoint ${url} did not answer the in-band sync (is in-band sync disabled there?)`);
  }
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    throw new SyncError(`The serve endpoint ${url} answered the sync with something other than JSON`);
  }
  const parsed = syncResponseSchema.safeParse(answer);
  if (!parsed.success) throw new SyncError(`The serve endpoint ${url} answered the sync with an unexpected body`);
  return { appId: parsed.data.app_id, functions: parsed.data.functions.map(registerFunction) };
}

/**
 * Stores an app's functions (marking the ones it no longer serves as removed)
 * and keeps exactly one pending schedule per cron function.
 */
export async function saveAppFunctions(db: Database, app: SyncedApp, now = new Date()): Promise<void> {
  const ids = app.functions.map((fn) => fn.id);
  await db.transaction(async (tx) => {
    if (app.functions.length > 0) {
      await tx
        .insert(workflowFunctions)
        .values(app.functions.map((fn) => ({ id: fn.id, appId: app.appId, name: fn.name, url: fn.url, config: fn.config, syncedAt: now })))
        .onConflictDoUpdate({
          target: workflowFunctions.id,
          set: {
            appId: sql`excluded.app_id`,
            name: sql`excluded.name`,
            url: sql`excluded.url`,
            config: sql`excluded.config`,
            syncedAt: sql`excluded.synced_at`,
            removedAt: null,
          },
        });
    }
    const gone = ids.length > 0 ? notInArray(workflowFunctions.id, ids) : undefined;
    const removed = await tx
      .update(workflowFunctions)
      .set({ removedAt: now })
      .where(and(eq(workflowFunctions.appId, app.appId), isNull(workflowFunctions.removedAt), gone))
      .returning({ id: workflowFunctions.id });

    // Cron schedules: drop those of removed functions and of functions that lost their cron.
    const cronIds = app.functions.filter((fn) => fn.cron.length > 0).map((fn) => fn.id);
    const withoutCron = [...removed.map((r) => r.id), ...ids.filter((id) => !cronIds.includes(id))];
    if (withoutCron.length > 0) {
      await tx.delete(workflowJobs).where(and(eq(workflowJobs.kind, "cron"), inArray(workflowJobs.functionId, withoutCron)));
    }
    for (const fn of app.functions) {
      const next = nextCronFire(fn, now);
      if (!next) continue;
      // A schedule already pending keeps its time unless the function's cron changed to fire earlier.
      await tx
        .insert(workflowJobs)
        .values({ kind: "cron", functionId: fn.id, dueAt: next })
        .onConflictDoUpdate({
          target: workflowJobs.functionId,
          targetWhere: sql`${workflowJobs.kind} = 'cron'`,
          set: { dueAt: sql`least(${workflowJobs.dueAt}, excluded.due_at)` },
        });
    }
  });
}

/** The earliest time after `after` at which any of the function's cron triggers fires. */
export function nextCronFire(fn: RegisteredFunction, after: Date): Date | null {
  let next: Date | null = null;
  for (const schedule of fn.cron) {
    const at = schedule.nextAfter(after);
    if (at && (!next || at < next)) next = at;
  }
  return next;
}
