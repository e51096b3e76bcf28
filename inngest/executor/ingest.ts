// Takes events in: stores each once (its id is the idempotency key), starts the
// runs its triggers ask for, hands it to the runs waiting for it, and cancels
// the runs it cancels. All of it in one transaction, so an event is either
// fully taken in or not at all.
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, lte, notInArray, sql } from "drizzle-orm";
import { finishedRunStatuses, workflowEvents, workflowJobs, workflowRuns, workflowWaits, workspaces } from "@/db/schema";
import { compileExpression } from "./expression";
import { type EventPayload, incomingEventSchema } from "./protocol";
import type { FunctionRegistry } from "./registry";
import { advanceRun } from "./next-work";
import { cancelRun, isFinished, lockRun, type Tx } from "./run-state";

export class InvalidEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidEventError";
  }
}

/** Checks raw events (what /e/<key> receives) and gives them ids and timestamps. */
export function toPayloads(input: unknown): EventPayload[] {
  const list = Array.isArray(input) ? input : [input];
  if (list.length === 0) throw new InvalidEventError("no events given");
  return list.map((raw, index) => {
    const parsed = incomingEventSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = list.length > 1 ? `event ${index + 1}: ` : "";
      throw new InvalidEventError(`${where}${issue?.path.length ? `${issue.path.join(".")}: ` : ""}${issue?.message ?? "invalid event"}`);
    }
    const event = parsed.data;
    return {
      name: event.name,
      data: event.data,
      id: event.id ?? randomUUID(),
      ts: event.ts ?? Date.now(),
      ...(event.user ? { user: event.user } : {}),
      ...(event.v ? { v: event.v } : {}),
    };
  });
}

/** The workspace a run belongs to: its trigger's `data.workspaceId`, or that of the event it reacts to. */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function workspaceIdOf(event: EventPayload): string | null {
  const direct = event.data.workspaceId;
  if (typeof direct === "string" && uuid.test(direct)) return direct;
  const inner = event.data.event as { data?: { workspaceId?: unknown } } | undefined;
  const nested = inner?.data?.workspaceId;
  return typeof nested === "string" && uuid.test(nested) ? nested : null;
}

export interface NewRun {
  functionId: string;
  event: EventPayload;
  workspaceId?: string | null;
  parentRunId?: string;
  parentStepId?: string;
}

/** Creates runs (once per function and event id) with their first call due now; returns the new run ids. */
export async function startRuns(tx: Tx, runs: NewRun[]): Promise<string[]> {
  if (runs.length === 0) return [];
  const created = await tx
    .insert(workflowRuns)
    .values(
      runs.map((run) => {
        const workspaceId = run.workspaceId === undefined ? workspaceIdOf(run.event) : run.workspaceId;
        return {
          functionId: run.functionId,
          eventId: run.event.id,
          event: run.event,
          // A workspace that does not exist (any more) leaves the run without one instead of failing the event.
          workspaceId: workspaceId ? sql`(select ${workspaces.id} from ${workspaces} where ${workspaces.id} = ${workspaceId}::uuid)` : null,
          parentRunId: run.parentRunId,
          parentStepId: run.parentStepId,
        };
      }),
    )
    .onConflictDoNothing({ target: [workflowRuns.functionId, workflowRuns.eventId] })
    .returning({ id: workflowRuns.id, functionId: workflowRuns.functionId });
  if (created.length > 0) {
    await tx.insert(workflowJobs).values(created.map((run) => ({ kind: "call" as const, functionId: run.functionId, runId: run.id })));
  }
  return created.map((run) => run.id);
}

/** Stores the events and acts on them; returns their ids in order (an id seen before is returned, not acted on). */
export async function ingestEvents(db: Tx, registry: FunctionRegistry, payloads: EventPayload[]): Promise<string[]> {
  if (payloads.length === 0) return [];
  return db.transaction(async (tx) => {
    const fresh = await tx
      .insert(workflowEvents)
      .values(payloads.map((event) => ({ id: event.id, name: event.name, data: event.data, payload: event })))
      .onConflictDoNothing({ target: workflowEvents.id })
      .returning({ id: workflowEvents.id });
    const freshIds = new Set(fresh.map((row) => row.id));
    // The same id twice in one batch counts once.
    const seen = new Set<string>();
    const events = payloads.filter((event) => freshIds.has(event.id) && !seen.has(event.id) && seen.add(event.id));

    const runs: NewRun[] = [];
    for (const event of events) {
      for (const fn of registry.triggeredBy(event.name)) {
        const matches = fn.eventTriggers.some((t) => t.event === event.name && (!t.expression || t.expression.evaluate({ event })));
        if (matches) runs.push({ functionId: fn.id, event });
      }
    }
    await startRuns(tx, runs);
    // One look-up for the whole batch: only the waits stored before it can match, and each is taken once.
    const waits = events.length > 0 ? await waitsFor(tx, [...new Set(events.map((event) => event.name))]) : [];
    for (const event of events) {
      await resolveWaits(tx, event, waits);
      await cancelRuns(tx, registry, event);
    }
    return payloads.map((event) => event.id);
  });
}

async function waitsFor(tx: Tx, eventNames: string[]) {
  return tx
    .select({
      runId: workflowWaits.runId,
      stepId: workflowWaits.stepId,
      eventName: workflowWaits.eventName,
      expression: workflowWaits.expression,
      trigger: workflowRuns.event,
    })
    .from(workflowWaits)
    .innerJoin(workflowRuns, eq(workflowRuns.id, workflowWaits.runId))
    .where(inArray(workflowWaits.eventName, eventNames))
    .orderBy(asc(workflowWaits.runId), asc(workflowWaits.stepId));
}

/** Hands the event to every run waiting for it whose condition it meets. */
async function resolveWaits(tx: Tx, event: EventPayload, stored: Awaited<ReturnType<typeof waitsFor>>): Promise<void> {
  for (const wait of stored) {
    if (wait.eventName !== event.name) continue;
    // Expressions were checked when the wait was stored; a failure here means no match.
    let matches = true;
    if (wait.expression) {
      try {
        matches = compileExpression(wait.expression).evaluate({ event: wait.trigger, async: event });
      } catch {
        matches = false;
      }
    }
    if (!matches) continue;
    const run = await lockRun(tx, wait.runId);
    if (!run || isFinished(run.status)) continue;
    const taken = await tx
      .delete(workflowWaits)
      .where(and(eq(workflowWaits.runId, wait.runId), eq(workflowWaits.stepId, wait.stepId)))
      .returning({ stepId: workflowWaits.stepId });
    if (taken.length === 0) continue;
    await tx
      .delete(workflowJobs)
      .where(and(eq(workflowJobs.runId, run.id), eq(workflowJobs.stepId, wait.stepId), eq(workflowJobs.kind, "timeout")));
    await advanceRun(tx, run, { step: { stepId: wait.stepId, name: wait.stepId, op: "WaitForEvent", memo: event, status: "completed" } });
  }
}

/** Cancels the live runs of functions that `cancelOn` this event and whose condition it meets. */
async function cancelRuns(tx: Tx, registry: FunctionRegistry, event: EventPayload): Promise<void> {
  for (const fn of registry.cancelledBy(event.name)) {
    const candidates = await tx
      .select({ id: workflowRuns.id, event: workflowRuns.event, createdAt: workflowRuns.createdAt })
      .from(workflowRuns)
      .where(
        and(
          eq(workflowRuns.functionId, fn.id),
          notInArray(workflowRuns.status, [...finishedRunStatuses]),
          lte(workflowRuns.createdAt, new Date(Math.max(event.ts, Date.now()))),
        ),
      )
      .orderBy(asc(workflowRuns.id));
    for (const candidate of candidates) {
      const rule = fn.cancel.find(
        (c) =>
          c.event === event.name &&
          (c.timeoutMs === null || candidate.createdAt.getTime() + c.timeoutMs >= Date.now()) &&
          (!c.expression || c.expression.evaluate({ event: candidate.event, async: event })),
      );
      if (!rule) continue;
      const run = await lockRun(tx, candidate.id);
      if (!run || isFinished(run.status)) continue;
      await cancelRun(tx, run);
    }
  }
}
