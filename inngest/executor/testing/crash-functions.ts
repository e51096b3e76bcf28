// The function the crash test kills its process under: three steps, each
// leaving a mark keyed by (run, step) and a row per execution, the second also
// sending an email through the mailer the app under test gives. An execution
// records whether the step's result was already stored when it began: such a
// re-run is the one thing a crash must never cause.
// A retried email step that meets a dead process's claim on its email says so.
import { sql } from "drizzle-orm";
import type { Inngest } from "inngest";
import type { Database } from "@/db";

export const crashEvent = "crash/run";
export const crashFunctionId = "crash-chain";
export const crashSteps = ["one", "two", "three"] as const;
/** Calls the crash app's executor makes at once. */
export const crashConcurrency = 16;

/** Test-only tables, created by the test, not by migrations. */
export const crashTablesSql = `
  create table crash_marks (run_id uuid not null, step text not null, primary key (run_id, step));
  create table crash_attempts (
    id bigserial primary key,
    run_id uuid not null,
    step text not null,
    pid integer not null,
    already_stored boolean not null,
    at timestamptz not null default clock_timestamp()
  );
  create table crash_claims_met (run_id uuid not null, pid integer not null);`;

async function mark(db: Database, runId: string, step: string) {
  await db.execute(sql`
    insert into crash_attempts (run_id, step, pid, already_stored)
    values (${runId}::uuid, ${step}, ${process.pid},
      exists (select 1 from workflow_steps where run_id = ${runId}::uuid and name = ${step} and stored))`);
  await db.execute(sql`insert into crash_marks (run_id, step) values (${runId}::uuid, ${step}) on conflict do nothing`);
}

/** How the second step sends its run's email, given by the app under test (at most once per run, by its own idempotency). */
export interface CrashMailer {
  send(db: Database, email: { runId: string; n: string }): Promise<string | null>;
  /** Whether a send failed because another process (a killed one) holds the email's claim. */
  claimedElsewhere(error: unknown): boolean;
}

export function crashFunction(client: Inngest, db: Database, mailer: CrashMailer) {
  // Retries outlast an email claim left by a killed process (refused until it lapses).
  return client.createFunction({ id: "chain", retries: 20, triggers: [{ event: crashEvent }] }, async ({ event, step, runId }) => {
    await step.run("one", () => mark(db, runId, "one"));
    const messageId = await step.run("two", async () => {
      await mark(db, runId, "two");
      return mailer.send(db, { runId, n: String(event.data.n) }).catch(async (error: unknown) => {
        // A killed process's claim on the email: the step fails and is retried later.
        if (mailer.claimedElsewhere(error)) {
          await db.execute(sql`insert into crash_claims_met (run_id, pid) values (${runId}::uuid, ${process.pid})`);
        }
        throw error;
      });
    });
    await step.run("three", () => mark(db, runId, "three"));
    return { messageId };
  });
}
