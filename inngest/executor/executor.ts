// The embedded workflow executor: plays the Inngest server's part for any
// serve() endpoint, with all state in the given database. It syncs the apps,
// takes events, and claims due jobs with FOR UPDATE SKIP LOCKED under a lease
// it keeps renewing, so several executors on one database share the work and a
// dead one's jobs are taken over once its lease lapses.
import { randomUUID } from "node:crypto";
import { and, eq, gt, inArray, notInArray, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { type WorkflowJob, type WorkflowRun, workflowJobs } from "@/db/schema";
import { logError } from "@/server/logger";
import { ingestEvents, toPayloads } from "./ingest";
import { fetchPoster, nodePoster } from "./post-json";
import { type ExecutorContext, processJob } from "./process-job";
import { type JobRow, type RunJson, rowsOf, toJob, toRun, type Tx } from "./run-state";
import type { ExecutorHooks } from "./hooks";
import { FunctionRegistry } from "./registry";
import { WakeablePause } from "../wakeable-pause";
import { fetchAppFunctions, loadStoredFunctions, saveAppFunctions, type SyncedApp } from "./sync";

export interface ExecutorOptions {
  db: Database;
  /** serve() endpoints to sync, e.g. http://127.0.0.1:3000/api/inngest */
  appUrls: string[];
  /** The key the serve endpoints verify signatures with (their INNGEST_SIGNING_KEY). */
  signingKey: string;
  /** Calls in flight at once (default 20). */
  concurrency?: number;
  /** How often to look for due work when nothing wakes the loop (default 200 ms). */
  pollIntervalMs?: number;
  /** How long a claim lasts without renewal (default 15 s). */
  leaseMs?: number;
  /** Delay before retry `attempt` (default: 15 s doubling, at most 10 min, like Inngest's server). */
  backoffMs?: (attempt: number) => number;
  callTimeoutMs?: number;
  fetch?: typeof fetch;
  /** What the embedding app tells the executor about its data (see hooks.ts). */
  hooks?: ExecutorHooks;
  onError?: (error: unknown) => void;
}

const CLAIM_LOCK_ID = 727_101;

type ClaimedJob = WorkflowJob & { run?: WorkflowRun };

export function defaultBackoffMs(attempt: number): number {
  const base = Math.min(15_000 * 2 ** (attempt - 1), 10 * 60_000);
  return Math.round(base * (0.85 + Math.random() * 0.3));
}

export class WorkflowExecutor {
  readonly id = `executor-${randomUUID()}`;
  readonly registry: FunctionRegistry;
  private readonly context: ExecutorContext;
  private readonly inflight = new Map<number, Promise<void>>();
  private running = false;
  private loopDone: Promise<void> | null = null;
  private readonly pause = new WakeablePause();
  private renewTimer: NodeJS.Timeout | null = null;
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;

  constructor(private readonly options: ExecutorOptions) {
    this.registry = new FunctionRegistry(options.hooks);
    this.concurrency = options.concurrency ?? 20;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.leaseMs = options.leaseMs ?? 15_000;
    this.context = {
      db: options.db,
      registry: this.registry,
      executorId: this.id,
      signingKey: options.signingKey,
      post: options.fetch ? fetchPoster(options.fetch) : nodePoster(),
      backoffMs: options.backoffMs ?? defaultBackoffMs,
      callTimeoutMs: options.callTimeoutMs ?? 5 * 60_000,
      wake: () => this.wake(),
    };
  }

  /** Syncs every app; throws SyncError or UnsupportedFunctionError (naming the function) and stores nothing then. */
  async sync(): Promise<SyncedApp[]> {
    const apps: SyncedApp[] = [];
    for (const url of this.options.appUrls) apps.push(await fetchAppFunctions(url, this.options.signingKey, this.options.fetch ?? fetch));
    for (const app of apps) {
      await saveAppFunctions(this.options.db, app);
      this.registry.setApp(app.appId, app.functions);
    }
    this.wake();
    return apps;
  }

  /** Loads the functions a previous sync stored, so events can be taken before this process has synced. */
  async loadStoredFunctions(): Promise<void> {
    await loadStoredFunctions(this.options.db, this.registry);
  }

  /** Validates and takes in events (what `inngest.send` posts); returns their ids. Throws InvalidEventError. */
  async send(input: unknown): Promise<string[]> {
    const ids = await ingestEvents(this.options.db, this.registry, toPayloads(input));
    this.wake();
    return ids;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.renewTimer = setInterval(() => void this.renewLeases(), Math.max(100, Math.floor(this.leaseMs / 3)));
    this.renewTimer.unref?.();
    this.loopDone = this.loop();
  }

  /** Stops claiming and waits for the calls in flight. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake();
    await this.loopDone;
    await Promise.allSettled(this.inflight.values());
    if (this.renewTimer) clearInterval(this.renewTimer);
    this.renewTimer = null;
  }

  wake(): void {
    this.pause.wake();
  }

  /** Processes due work until none is left (timers in the future do not count). For tests and scripts. */
  async drain(): Promise<void> {
    for (;;) {
      const jobs = await this.claim(this.concurrency);
      if (jobs.length === 0 && this.inflight.size === 0) return;
      for (const job of jobs) this.track(job);
      if (this.inflight.size > 0) await Promise.race(this.inflight.values());
    }
  }

  private async loop(): Promise<void> {
    while (this.running) {
      this.pause.beginRound();
      const capacity = this.concurrency - this.inflight.size;
      let claimed = 0;
      if (capacity > 0) {
        try {
          const jobs = await this.claim(capacity);
          claimed = jobs.length;
          for (const job of jobs) this.track(job);
        } catch (error) {
          this.reportError(error);
        }
      }
      if (claimed > 0 && claimed === capacity) continue;
      if (this.pause.woken && capacity > claimed) continue;
      await this.pause.wait(this.pollIntervalMs);
    }
  }

  private track({ run, ...job }: ClaimedJob) {
    const work = processJob(this.context, job, run)
      .catch((error: unknown) => this.reportError(error))
      .finally(() => {
        this.inflight.delete(job.id);
        this.wake();
      });
    this.inflight.set(job.id, work);
  }

  private reportError(error: unknown) {
    if (this.options.onError) this.options.onError(error);
    else logError("Workflow executor: a job failed", error);
  }

  /** Claims up to `limit` due jobs, keeping functions with a concurrency limit under it. */
  private async claim(limit: number): Promise<ClaimedJob[]> {
    const db = this.options.db;
    const limited = this.registry.limited();
    // Without limits to count against, one statement claims atomically: no transaction round trips.
    if (limited.length === 0) return this.claimDue(db, limit, []);
    return db.transaction(async (tx) => {
      const full: string[] = [];
      const room = new Map<string, number>();
      if (limited.length > 0) {
        // Claims that count against a limit are made one executor at a time.
        await tx.execute(sql`select pg_advisory_xact_lock(${CLAIM_LOCK_ID})`);
        const active = await tx
          .select({ functionId: workflowJobs.functionId, count: sql<number>`count(*)::int` })
          .from(workflowJobs)
          .where(and(inArray(workflowJobs.functionId, limited.map((fn) => fn.id)), gt(workflowJobs.claimedUntil, sql`now()`)))
          .groupBy(workflowJobs.functionId);
        for (const fn of limited) {
          const free = fn.concurrencyLimit! - (active.find((row) => row.functionId === fn.id)?.count ?? 0);
          if (free <= 0) full.push(fn.id);
          else room.set(fn.id, free);
        }
      }
      const claimed = await this.claimDue(tx, limit, full);
      if (room.size === 0) return claimed;
      // Over a function's limit: hand the surplus back.
      const kept: ClaimedJob[] = [];
      const surplus: number[] = [];
      for (const job of claimed.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())) {
        const free = room.get(job.functionId);
        if (free === undefined || job.kind === "cron") kept.push(job);
        else if (free > 0) {
          room.set(job.functionId, free - 1);
          kept.push(job);
        } else surplus.push(job.id);
      }
      if (surplus.length > 0) {
        await tx.update(workflowJobs).set({ claimedBy: null, claimedUntil: null }).where(inArray(workflowJobs.id, surplus));
      }
      return kept;
    });
  }

  /**
   * Claims due, unclaimed jobs, oldest first, skipping those another executor
   * is locking. Each comes with its run as it stands (read, not locked), which
   * saves the first call of every run a read of its own.
   */
  private async claimDue(tx: Tx, limit: number, fullFunctions: string[]): Promise<ClaimedJob[]> {
    const result = await tx.execute(sql`
      with claimed as (
        update workflow_jobs set claimed_by = ${this.id}, claimed_until = now() + ${this.leaseMs} * interval '1 millisecond'
        where id in (
          select id from workflow_jobs
          where due_at <= now() and (claimed_until is null or claimed_until < now())
          ${fullFunctions.length > 0 ? sql`and ${notInArray(workflowJobs.functionId, fullFunctions)}` : sql``}
          order by due_at
          limit ${limit}
          for update skip locked
        )
        returning *
      )
      select claimed.*, to_jsonb(r) as run from claimed left join workflow_runs r on r.id = claimed.run_id`);
    return rowsOf<JobRow & { run: RunJson | null }>(result).map((row) => ({ ...toJob(row), run: row.run ? toRun(row.run) : undefined }));
  }

  private async renewLeases() {
    const ids = [...this.inflight.keys()];
    if (ids.length === 0) return;
    try {
      await this.options.db
        .update(workflowJobs)
        .set({ claimedUntil: sql`now() + ${this.leaseMs} * interval '1 millisecond'` })
        .where(and(eq(workflowJobs.claimedBy, this.id), inArray(workflowJobs.id, ids)));
    } catch (error) {
      this.reportError(error);
    }
  }
}
