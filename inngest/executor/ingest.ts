// Takes events in: stores each once (its id is the idempotency key), starts the
// runs its triggers ask for, hands it to the runs waiting for it, and cancels
// the runs it cancels. All of it in one transaction, so an event is either
// fully taken in or not at all.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { workflowCancels, workflowEvents, workflowJobs, workflowRuns, workflowWaits } from "@/db/schema";
import { compileExpression } from "./expression";
import { type EventPayload, incomingEventSchema } from "./protocol";
import type { FunctionRegistry } from "./registry";
import { cancelRun } from "./finish-run";
import { advanceRun } from "./next-work";
import { isFinished, lockRun, rowsOf, type Tx } from "./run-state";

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

export interface NewRun {
  functionId: string;
  event: EventPayload;
  workspaceId?: string | null;
  parentRunId?: string;
  parentStepId?: string;
}

/** Creates runs (once per function and event id) with their first call due now and their cancelOn rules; returns the new run ids. */
export async function startRuns(tx: Tx, registry: FunctionRegistry, runs: NewRun[]): Promise<string[]> {
  if (runs.length === 0) return [];
  const created = await tx
    .insert(workflowRuns)
    .values(
      runs.map((run) => ({
        functionId: run.functionId,
        eventId: run.event.id,
        event: run.event,
        workspaceId: run.workspaceId === undefined ? registry.hooks.runWorkspace(run.event) : run.workspaceId,
        parentRunId: run.parentRunId,
        parentStepId: run.parentStepId,
      })),
    )
    .onConflictDoNothing({ target: [workflowRuns.functionId, workflowRuns.eventId] })
    .returning({ id: workflowRuns.id, functionId: workflowRuns.functionId });
  if (created.length > 0) {
    await tx.insert(workflowJobs).values(created.map((run) => ({ kind: "call" as const, functionId: run.functionId, runId: run.id })));
    await addCancelRules(tx, registry, created);
  }
  return created.map((run) => run.id);
}

/** Stores the cancelOn rules of the runs' functions for them, each ending its timeout after the run was created. */
export async function addCancelRules(tx: Tx, registry: FunctionRegistry, runs: { id: string; functionId: string }[]): Promise<void> {
  const rules = runs.flatMap((run) =>
    (registry.get(run.functionId)?.cancel ?? []).map((rule, index) => ({
      runId: run.id,
      rule: index,
      eventName: rule.event,
      expression: rule.expression?.source ?? null,
      expiresAt:
        rule.timeoutMs === null
          ? null
          : sql`(select ${workflowRuns.createdAt} from ${workflowRuns} where ${workflowRuns.id} = ${run.id}::uuid) + ${rule.timeoutMs} * interval '1 millisecond'`,
    })),
  );
  if (rules.length > 0) await tx.insert(workflowCancels).values(rules).onConflictDoNothing();
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
    await startRuns(tx, registry, runs);
    // One look-up for the whole batch: only the waits and cancel rules stored before it can match, and each is taken once.
    const listeners = events.length > 0 ? await listenersOf(tx, [...new Set(events.map((event) => event.name))]) : [];
    for (const event of events) {
      await resolveWaits(tx, event, listeners);
      await cancelRuns(tx, registry, event, listeners);
    }
    return payloads.map((event) => event.id);
  });
}

interface Listener {
  kind: "wait" | "cancel";
  runId: string;
  /** The waiting step; null for a cancel rule. */
  stepId: string | null;
  eventName: string;
  expression: string | null;
  /** The run's trigger event, `event` in the expression. */
  trigger: Record<string, unknown>;
  createdAt: Date;
  expiresAt: Date | null;
}

/** The waits and the cancelOn rules listening to these events, found through the event name's index on each. */
async function listenersOf(tx: Tx, eventNames: string[]): Promise<Listener[]> {
  const names = sql`(${sql.join(
    eventNames.map((name) => sql`${name}`),
    sql`, `,
  )})`;
  const result = await tx.execute(sql`
    select 'wait' as kind, w.run_id, w.step_id, w.event_name, w.expression, r.event, r.created_at, null::timestamptz as expires_at
    from workflow_waits w join workflow_runs r on r.id = w.run_id
    where w.event_name in ${names}
    union all
    select 'cancel', c.run_id, null, c.event_name, c.expression, r.event, r.created_at, c.expires_at
    from workflow_cancels c join workflow_runs r on r.id = c.run_id
    where c.event_name in ${names}
    order by 1 desc, 2, 3`);
  type Row = { kind: Listener["kind"]; run_id: string; step_id: string | null; event_name: string; expression: string | null; event: Record<string, unknown> };
  return rowsOf<Row & { created_at: Date | string; expires_at: Date | string | null }>(result).map((row) => ({
    kind: row.kind,
    runId: row.run_id,
    stepId: row.step_id,
    eventName: row.event_name,
    expression: row.expression,
    trigger: row.event,
    createdAt: new Date(row.created_at),
    expiresAt: row.expires_at === null ? null : new Date(row.expires_at),
  }));
}

/** Whether the incoming event meets a listener's condition; an expression that fails to evaluate does not match. */
function meets(listener: Listener, event: EventPayload): boolean {
  if (listener.eventName !== event.name) return false;
  if (!listener.expression) return true;
  try {
    return compileExpression(listener.expression).evaluate({ event: listener.trigger, async: event });
  } catch {
    return false;
  }
}

/** Hands the event to every run waiting for it whose condition it meets. */
async function resolveWaits(tx: Tx, event: EventPayload, listeners: Listener[]): Promise<void> {
  for (const wait of listeners) {
    if (wait.kind !== "wait" || !meets(wait, event)) continue;
    const stepId = wait.stepId!;
    const run = await lockRun(tx, wait.runId);
    if (!run || isFinished(run.status)) continue;
    const taken = await tx
      .delete(workflowWaits)
      .where(and(eq(workflowWaits.runId, wait.runId), eq(workflowWaits.stepId, stepId)))
      .returning({ stepId: workflowWaits.stepId });
    if (taken.length === 0) continue;
    await tx.delete(workflowJobs).where(and(eq(workflowJobs.runId, run.id), eq(workflowJobs.stepId, stepId), eq(workflowJobs.kind, "timeout")));
    await advanceRun(tx, run, { step: { stepId, name: stepId, op: "WaitForEvent", memo: event, status: "completed" } });
  }
}

/**
 * Cancels the live runs whose cancelOn rules the event meets: runs started
 * before it, within the rule's timeout. A run is never cancelled by its own
 * trigger, nor by an event that happened before its trigger did (a function
 * that cancels on the event that starts it keeps the newest run).
 */
async function cancelRuns(tx: Tx, registry: FunctionRegistry, event: EventPayload, listeners: Listener[]): Promise<void> {
  const latest = Math.max(event.ts, Date.now());
  for (const rule of listeners) {
    if (rule.kind !== "cancel" || rule.createdAt.getTime() > latest) continue;
    const trigger = rule.trigger as { id?: unknown; ts?: unknown };
    if (trigger.id === event.id || (typeof trigger.ts === "number" && trigger.ts > event.ts)) continue;
    if ((rule.expiresAt !== null && rule.expiresAt.getTime() < Date.now()) || !meets(rule, event)) continue;
    const run = await lockRun(tx, rule.runId);
    if (!run || isFinished(run.status)) continue;
    await cancelRun(tx, registry, run);
  }
}
