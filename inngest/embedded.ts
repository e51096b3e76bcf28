// The embedded executor inside the app's server process: started from
// instrumentation.ts when no Inngest is configured. It syncs this app's own
// /api/inngest over the loopback address once the server answers, and keeps
// its state in the app's database. The outbox relay starts once the sync is
// done, so no event is taken in before the functions it triggers are known.
import { getDatabaseHandle } from "@/db";
import { describeError, logError, logger } from "@/server/logger";
import { localAppUrl } from "./client";
import { WorkflowExecutor } from "./executor/executor";
import { executorHooks } from "./executor-hooks";
import { UnsupportedFunctionError } from "./executor/registry";
import { embeddedSigningKey } from "./keys";
import { executorDeliverer } from "./outbox/deliverers";
import { OutboxRelay } from "./outbox/relay";

interface EmbeddedRuntime {
  executor: WorkflowExecutor;
  relay: OutboxRelay;
  /** Settles once the functions are synced, the executor runs and the relay delivers. */
  ready: Promise<void>;
}

const globalForExecutor = globalThis as unknown as { crescendoExecutor?: EmbeddedRuntime };

const SYNC_RETRY_MS = 250;

async function syncWhenServerAnswers(executor: WorkflowExecutor): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await executor.sync();
      return;
    } catch (error) {
      // An unsupported function will not get better by waiting.
      if (error instanceof UnsupportedFunctionError) throw error;
      if (attempt % 40 === 0) logger.warn({ url: `${localAppUrl()}/api/inngest`, error: describeError(error) }, "Workflows: still waiting to sync");
      await new Promise((resolve) => setTimeout(resolve, SYNC_RETRY_MS));
    }
  }
}

/** Starts the executor once per process. */
export async function startEmbeddedExecutor(): Promise<EmbeddedRuntime> {
  if (globalForExecutor.crescendoExecutor) return globalForExecutor.crescendoExecutor;
  const handle = await getDatabaseHandle();
  const executor = new WorkflowExecutor({
    db: handle.db,
    appUrls: [`${localAppUrl()}/api/inngest`],
    signingKey: embeddedSigningKey(),
    hooks: executorHooks,
  });
  const relay = new OutboxRelay({ db: handle.db, deliverer: executorDeliverer(executor), listen: handle.listen });
  const ready = (async () => {
    await executor.loadStoredFunctions();
    executor.start();
    await syncWhenServerAnswers(executor);
    await relay.start();
  })();
  ready.catch((error: unknown) => logError("Workflows: the embedded executor could not sync", error));
  globalForExecutor.crescendoExecutor = { executor, relay, ready };
  return globalForExecutor.crescendoExecutor;
}

/** The executor of this process, if it runs one. */
export function embeddedRuntime(): EmbeddedRuntime | undefined {
  return globalForExecutor.crescendoExecutor;
}
