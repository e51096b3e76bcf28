// On Inngest (cloud, self-hosted or a dev server), the app's part is only the
// outbox relay: it sends the committed events to Inngest's event API. Started
// once per process from instrumentation.ts.
import { getDatabaseHandle } from "@/db";
import { inngest } from "./client";
import { inngestDeliverer } from "./outbox/deliverers";
import { OutboxRelay } from "./outbox/relay";

const globalForRelay = globalThis as unknown as { crescendoInngestRelay?: Promise<OutboxRelay> };

export function startInngestRelay(): Promise<OutboxRelay> {
  globalForRelay.crescendoInngestRelay ??= (async () => {
    const handle = await getDatabaseHandle();
    const relay = new OutboxRelay({ db: handle.db, deliverer: inngestDeliverer(inngest), listen: handle.listen });
    await relay.start();
    return relay;
  })();
  return globalForRelay.crescendoInngestRelay;
}
