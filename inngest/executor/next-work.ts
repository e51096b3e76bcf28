// What runs next: the one rule every change of a run ends with. After a step
// is stored (by a call, a timer, a matched event, an invoked run's end), the
// job being carried out takes the run's next piece of work: a planned call due
// now if there is one (so the executor that holds it carries on), else the next
// discovery call once nothing else of the run is pending, else it goes. Outside
// a call (no job), the discovery call is added instead. One statement, on a run
// locked before it, so the pending work it reads is the run's as it stands.
import { type SQL, sql } from "drizzle-orm";
import type { WorkflowJob, WorkflowJobKind, WorkflowRun, WorkflowRunStatus } from "@/db/schema";
import { type JobRow, rowsOf, stepUpsert, type StoredStep, toJob, type Tx } from "./run-state";

/** Work a change leaves pending: a planned step or a retry (call), a sleep (wake), a wait or an invoke (timeout). */
export interface NextJob {
  kind: WorkflowJobKind;
  stepId: string | null;
  attempt: number;
  dueAt: Date;
}

export interface RunChange {
  /**
   * The job being carried out; the change applies only while `executorId`
   * still holds it (a job taken away, by a cancel or a lapsed lease, drops the
   * result). Absent for a step stored from outside a call.
   */
  job?: { id: number; executorId: string };
  /** The step the job was calling, if it was calling one. */
  jobStepId?: string | null;
  /** A result to store first, once. Without a job, the run moves on only if it is stored now. */
  step?: StoredStep;
  planned?: NextJob[];
}

export interface RunAdvanced {
  /** False when the job was no longer ours: nothing changed. */
  applied: boolean;
  /** Whether `step` was stored now (not before). */
  stored: boolean;
  /** The job, now the run's next call due at once, if this executor carries on with it. */
  job: WorkflowJob | null;
  /** Planned jobs added for later or for other executors (which a wake-up tells). */
  added: number;
}

const bool = (value: boolean) => sql.raw(value ? "true" : "false");

/** Applies the rule to a run locked by the caller, keeping `run` as the database now has it. */
export async function advanceRun(tx: Tx, run: WorkflowRun, change: RunChange, now = new Date()): Promise<RunAdvanced> {
  const { job, step } = change;
  const planned = [...(change.planned ?? [])];
  // A call due now stays with the job: this executor makes it next.
  const nowIndex = job ? planned.findIndex((next) => next.kind === "call" && next.dueAt <= now) : -1;
  const mine = nowIndex >= 0 ? planned.splice(nowIndex, 1)[0]! : null;
  // A later retry of the job's own step is the job itself, given back: inserted
  // beside it instead, it would meet the job's own row in the one-job-per-step index.
  const retryIndex = job && !mine && change.jobStepId ? planned.findIndex((next) => next.stepId === change.jobStepId) : -1;
  const retry = retryIndex >= 0 ? planned.splice(retryIndex, 1)[0]! : null;
  const kept = mine !== null || retry !== null;
  const seq = run.stepCount + 1;
  const goes = sql`exists (select 1 from go)`;
  // With nothing else pending, the run asks the SDK what comes next; a step
  // stored from outside a call moves the run only when it was stored now.
  const discovers = sql`${goes} and ${bool(!kept && planned.length === 0)} and not exists (select 1 from others)
    ${!job && step ? sql`and exists (select 1 from stored)` : sql``}`;
  const nextJob = mine ?? retry ?? { kind: "call" as const, stepId: null, attempt: 0, dueAt: now };
  const hasKind = (kind: WorkflowJobKind) => sql`(exists (select 1 from others where kind = ${kind}) or ${bool(planned.some((later) => later.kind === kind))})`;

  const parts: SQL[] = [
    job
      ? sql`mine as (select id from workflow_jobs where id = ${job.id} and claimed_by = ${job.executorId} for update),
        go as (select 1 from mine),
        others as (select kind from workflow_jobs where run_id = ${run.id}::uuid and id <> ${job.id})`
      : sql`go as (select 1),
        others as (select kind from workflow_jobs where run_id = ${run.id}::uuid)`,
    step ? sql`stored as (${stepUpsert(run.id, step, seq, now, goes)})` : sql`stored as (select 1 where false)`,
    sql`discover as (select 1 where ${discovers})`,
    job
      ? sql`next as (
          update workflow_jobs set kind = ${nextJob.kind}, step_id = ${nextJob.stepId}, attempt = ${nextJob.attempt}, due_at = ${nextJob.dueAt.toISOString()}::timestamptz
            ${retry ? sql`, claimed_by = null, claimed_until = null` : sql``}
          where id = ${job.id} and ${goes} and (${bool(kept)} or exists (select 1 from discover))
          returning id, kind, function_id, run_id, step_id, attempt, due_at, claimed_by, claimed_until),
        gone as (delete from workflow_jobs where id = ${job.id} and ${goes} and not ${bool(kept)} and not exists (select 1 from discover))`
      : sql`next as (
          insert into workflow_jobs (kind, function_id, run_id) select 'call', ${run.functionId}, ${run.id}::uuid from discover
          on conflict do nothing
          returning id, kind, function_id, run_id, step_id, attempt, due_at, claimed_by, claimed_until)`,
  ];
  if (planned.length > 0) {
    const rows = JSON.stringify(planned.map((later) => ({ kind: later.kind, step_id: later.stepId, attempt: later.attempt, due_at: later.dueAt.toISOString() })));
    parts.push(sql`later as (
      insert into workflow_jobs (kind, function_id, run_id, step_id, attempt, due_at)
      select p.kind, ${run.functionId}, ${run.id}::uuid, p.step_id, p.attempt, p.due_at
      from jsonb_to_recordset(${rows}::jsonb) as p(kind workflow_job_kind, step_id text, attempt int, due_at timestamptz)
      where ${goes}
      on conflict do nothing)`);
  }
  // The run's status says what it waits for: a call to make, a sleep, or an event or an invoked run.
  parts.push(sql`saved as (
    update workflow_runs set
      step_count = case when exists (select 1 from stored) then ${seq}::int else ${run.stepCount}::int end,
      status = case
        when ${bool(kept)} or exists (select 1 from discover) or ${hasKind("call")} then 'running'
        when ${hasKind("wake")} then 'sleeping'
        else 'waiting' end::workflow_run_status,
      parallel = case when exists (select 1 from discover) then false else ${bool(run.parallel)} end
    where id = ${run.id}::uuid and ${goes}
    returning status, parallel)`);

  const result = await tx.execute(sql`
    with ${sql.join(parts, sql`, `)}
    select exists (select 1 from go) as applied, exists (select 1 from stored) as stored,
      (select status from saved) as run_status, (select parallel from saved) as run_parallel, ${job ? sql`next.*` : sql`null as id`}
    from (select 1) as one ${job ? sql`left join next on true` : sql``}`);
  const [row] = rowsOf<Partial<JobRow> & { applied: boolean; stored: boolean; run_status: WorkflowRunStatus | null; run_parallel: boolean | null }>(result);
  if (!row?.applied) return { applied: false, stored: false, job: null, added: 0 };
  if (row.stored) run.stepCount = seq;
  run.status = row.run_status!;
  run.parallel = row.run_parallel!;
  const next = job && !retry && row.id !== undefined && row.id !== null ? toJob(row as JobRow) : null;
  return { applied: true, stored: row.stored, job: next, added: planned.length + (retry ? 1 : 0) };
}
