// The functions of the conformance suite: one per behaviour of the Inngest
// server the executor must reproduce. Each records how often its steps really
// ran (by run and step), so a test can prove nothing ran twice.
import { type Inngest, NonRetriableError } from "inngest";

export const executions = new Map<string, number>();
function ran(runId: string, step: string) {
  const key = `${runId}:${step}`;
  executions.set(key, (executions.get(key) ?? 0) + 1);
}
export function timesRan(runId: string, step: string): number {
  return executions.get(`${runId}:${step}`) ?? 0;
}

export function conformanceFunctions(client: Inngest) {
  const chain = client.createFunction({ id: "chain", triggers: [{ event: "conformance/chain" }] }, async ({ event, step, runId }) => {
    const a = await step.run("first", () => (ran(runId, "first"), (event.data.start as number) + 1));
    const b = await step.run("second", () => (ran(runId, "second"), a * 2));
    const c = await step.run("third", () => (ran(runId, "third"), `${b}!`));
    return { a, b, c };
  });

  const sleeper = client.createFunction({ id: "sleeper", triggers: [{ event: "conformance/sleep" }] }, async ({ step, runId }) => {
    const before = await step.run("before", () => (ran(runId, "before"), "before"));
    await step.sleep("nap", "1s");
    const after = await step.run("after", () => (ran(runId, "after"), "after"));
    return [before, after];
  });

  const waiter = client.createFunction({ id: "waiter", triggers: [{ event: "conformance/wait" }] }, async ({ event, step }) => {
    const approval = await step.waitForEvent("approval", {
      event: "conformance/approved",
      match: "data.id",
      timeout: String(event.data.timeout ?? "1h"),
    });
    // A pause after the wait, during which a late approval must change nothing.
    await step.sleep("pause", String(event.data.pause ?? "1s"));
    return { approvedBy: approval ? (approval.data.by as string) : null };
  });

  const sender = client.createFunction({ id: "sender", triggers: [{ event: "conformance/send" }] }, async ({ event, step }) => {
    const sent = await step.sendEvent("ask-child", { name: "conformance/child", data: { value: event.data.value }, id: `child-${event.id}` });
    return { sent: sent.ids.length };
  });
  const child = client.createFunction({ id: "child", triggers: [{ event: "conformance/child" }] }, async ({ event, step }) => {
    return step.run("double", () => (event.data.value as number) * 2);
  });

  const flaky = client.createFunction({ id: "flaky", retries: 2, triggers: [{ event: "conformance/flaky" }] }, async ({ step, runId, attempt }) => {
    return step.run("unsteady", () => {
      ran(runId, "unsteady");
      if (attempt === 0) throw new Error("first attempt fails");
      return `succeeded on attempt ${attempt}`;
    });
  });

  const doomed = client.createFunction(
    {
      id: "doomed",
      triggers: [{ event: "conformance/doomed" }],
      onFailure: async ({ event, step }) => step.run("report", () => `handled: ${event.data.error.message}`),
    },
    async ({ step, runId }) => {
      await step.run("hopeless", () => {
        ran(runId, "hopeless");
        throw new NonRetriableError("cannot ever work");
      });
      return "unreachable";
    },
  );

  const fanOut = client.createFunction({ id: "fan-out", triggers: [{ event: "conformance/fan-out" }] }, async ({ step, runId }) => {
    const parts = await Promise.all(
      ["red", "green", "blue"].map((colour) => step.run(`paint-${colour}`, () => (ran(runId, `paint-${colour}`), colour.length))),
    );
    const total = await step.run("sum", () => (ran(runId, "sum"), parts.reduce((a, b) => a + b, 0)));
    return { parts, total };
  });

  const cancellable = client.createFunction(
    { id: "cancellable", cancelOn: [{ event: "conformance/cancel", match: "data.id" }], triggers: [{ event: "conformance/cancellable" }] },
    async ({ step, runId }) => {
      await step.sleep("long-nap", "1h");
      await step.run("after-nap", () => ran(runId, "after-nap"));
      return "woke";
    },
  );

  // A newer event for the same id replaces the waiting run: the pattern of reminders rescheduled by an edit.
  const superseded = client.createFunction(
    { id: "superseded", cancelOn: [{ event: "conformance/schedule", match: "data.id" }], triggers: [{ event: "conformance/schedule" }] },
    async ({ event, step }) => {
      await step.sleep("until-due", "1h");
      return event.data.version as number;
    },
  );

  const ticker = client.createFunction({ id: "ticker", triggers: [{ cron: "TZ=Europe/Paris 0 9 * * *" }] }, async ({ event, step }) => {
    return step.run("tick", () => ({ cron: (event.data as { cron?: string }).cron }));
  });

  const multiply = client.createFunction({ id: "multiply", triggers: [{ event: "conformance/multiply" }] }, async ({ event, step }) => {
    return step.run("multiply", () => (event.data.n as number) * 10);
  });
  const invoker = client.createFunction({ id: "invoker", triggers: [{ event: "conformance/invoke" }] }, async ({ event, step }) => {
    const product = await step.invoke("call-multiply", { function: multiply, data: { n: event.data.n } });
    return product + 1;
  });

  return { chain, sleeper, waiter, sender, child, flaky, doomed, fanOut, cancellable, superseded, ticker, multiply, invoker };
}

export type ConformanceFunctions = ReturnType<typeof conformanceFunctions>;
