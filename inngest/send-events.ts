// How services emit events, after their transaction has committed. On Inngest
// they go through the client. On the embedded executor they are taken in
// directly, in this process: stored, matched to triggers and waits, with no
// HTTP round trip. Without a running executor (scripts, tests) they are still
// stored, so nothing a service emits is silently dropped.
import type { Database } from "@/db";
import { inngest } from "./client";
import { workflowEngine } from "./engine";
import type { AppEvent } from "./events";
import { embeddedRuntime } from "./embedded";
import { executorHooks } from "./executor-hooks";
import { ingestEvents, toPayloads } from "./executor/ingest";
import { FunctionRegistry } from "./executor/registry";

export async function sendEvents(db: Database, events: AppEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  // Checks each event's data against its schema before anything is sent.
  await Promise.all(events.map((event) => ("validate" in event ? event.validate() : undefined)));
  const plain = events.map(({ name, data, id, ts }) => ({ name, data, id, ts }));
  if (workflowEngine().kind === "inngest") return (await inngest.send(plain)).ids;
  const runtime = embeddedRuntime();
  if (runtime) {
    // If the sync failed (logged at start), the functions stored by an earlier sync still apply.
    await runtime.ready.catch(() => undefined);
    return runtime.executor.send(plain);
  }
  return ingestEvents(db, new FunctionRegistry(executorHooks), toPayloads(plain));
}
