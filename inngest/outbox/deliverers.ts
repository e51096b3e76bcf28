// Where the relay hands events: the embedded executor (a write in the relay's
// own transaction) or Inngest (its event API, through the SDK client).
import type { Inngest } from "inngest";
import type { WorkflowExecutor } from "../executor/executor";
import { ingestEvents } from "../executor/ingest";
import type { OutboxDeliverer } from "./relay";

export function executorDeliverer(executor: WorkflowExecutor): OutboxDeliverer {
  return {
    deliver: async (tx, events) => {
      await ingestEvents(tx, executor.registry, events);
    },
    // The runs the events started are committed now: no need to wait for the next poll.
    afterCommit: () => executor.wake(),
  };
}

export function inngestDeliverer(client: Inngest): OutboxDeliverer {
  return {
    deliver: async (_tx, events) => {
      await client.send(events.map(({ name, data, id, ts }) => ({ name, data, id, ts })));
    },
  };
}
