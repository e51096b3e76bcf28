// The functions npm run bench:workflows drives: a chain of three steps, and a
// step.sleep followed by a step. Each step execution is counted by run and step
// in the serve app's process, which reports its counts to the benchmark, so a
// step run twice shows.
import type { Inngest } from "inngest";

const executions = new Map<string, number>();
/** When the step after the sleep began, by run id. */
export const stepStarts = new Map<string, number>();

function ran(runId: string, step: string) {
  const key = `${runId}:${step}`;
  executions.set(key, (executions.get(key) ?? 0) + 1);
}

export function resetExecutions() {
  executions.clear();
  stepStarts.clear();
}

/** The counts so far, to hand to another process (a benchmark worker reports to its parent). */
export function executionReport() {
  return { executions: [...executions], stepStarts: [...stepStarts] };
}

/** Adds another process's counts to this one's, so duplicates across processes show too. */
export function addExecutionReport(report: ReturnType<typeof executionReport>) {
  for (const [key, times] of report.executions) executions.set(key, (executions.get(key) ?? 0) + times);
  for (const [runId, at] of report.stepStarts) stepStarts.set(runId, at);
}

/** Executions beyond the first of any step of any run. */
export function duplicateExecutions(): number {
  let extra = 0;
  for (const times of executions.values()) extra += times - 1;
  return extra;
}

export const SLEEP = "2s";

export function benchFunctions(client: Inngest) {
  const chain = client.createFunction({ id: "chain", triggers: [{ event: "bench/chain" }] }, async ({ event, step, runId }) => {
    const a = await step.run("one", () => (ran(runId, "one"), Number(event.data.n) + 1));
    const b = await step.run("two", () => (ran(runId, "two"), a * 2));
    const c = await step.run("three", () => (ran(runId, "three"), b + 1));
    return c;
  });
  const sleeper = client.createFunction({ id: "sleeper", triggers: [{ event: "bench/sleep" }] }, async ({ step, runId }) => {
    await step.sleep("nap", SLEEP);
    await step.run("after", () => {
      ran(runId, "after");
      stepStarts.set(runId, Date.now());
    });
  });
  return [chain, sleeper];
}
