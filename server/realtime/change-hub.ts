// One LISTEN per app instance on the changes channel, fanned out in memory to
// whoever follows a workspace's topics (each open live stream). Every instance on
// one PostgreSQL hears every NOTIFY, so a change made through any of them reaches
// the streams of all. Subscribers run while a notification is being delivered,
// so they only hand the change on; none may query the database there (PGlite
// runs one query at a time).
import { z } from "zod";
import type { DatabaseHandle } from "@/db/client";
import { logError, logger } from "@/server/logger";
import { CHANGE_TOPICS, CHANGES_CHANNEL, type Change, type ChangeTopic } from "./publish-change";

/** What a subscriber hears: a change, or "resync" when the database connection dropped and changes may have been missed. */
export type HubEvent = { kind: "change"; change: Change } | { kind: "resync" };

export interface ChangeFilter {
  workspaceId: string;
  topics: readonly ChangeTopic[];
}

interface Subscriber {
  topics: ReadonlySet<ChangeTopic>;
  deliver: (event: HubEvent) => void;
}

// The payload comes from our own publishChange, but a NOTIFY on the channel from anywhere else must not break delivery.
const changePayload = z.object({
  workspaceId: z.string(),
  topic: z.enum(CHANGE_TOPICS),
  ids: z.array(z.string()),
  actorId: z.string().nullable(),
});

export class ChangeHub {
  private readonly byWorkspace = new Map<string, Set<Subscriber>>();
  private stopListening: (() => Promise<void>) | null = null;

  /** A hub listening on the handle's database; resolves once the LISTEN is in place. */
  static async listen(handle: Pick<DatabaseHandle, "listen">): Promise<ChangeHub> {
    const hub = new ChangeHub();
    hub.stopListening = await handle.listen(CHANGES_CHANNEL, {
      onNotify: (payload) => hub.receive(payload),
      onRelisten: () => hub.broadcast({ kind: "resync" }),
    });
    return hub;
  }

  /** Follows the workspace's changes to these topics until the returned function is called. */
  subscribe(filter: ChangeFilter, deliver: (event: HubEvent) => void): () => void {
    const subscriber: Subscriber = { topics: new Set(filter.topics), deliver };
    let subscribers = this.byWorkspace.get(filter.workspaceId);
    if (!subscribers) this.byWorkspace.set(filter.workspaceId, (subscribers = new Set()));
    subscribers.add(subscriber);
    return () => {
      subscribers.delete(subscriber);
      if (subscribers.size === 0 && this.byWorkspace.get(filter.workspaceId) === subscribers) this.byWorkspace.delete(filter.workspaceId);
    };
  }

  /** How many subscriptions are open (for tests and diagnostics). */
  get size(): number {
    let count = 0;
    for (const subscribers of this.byWorkspace.values()) count += subscribers.size;
    return count;
  }

  async close(): Promise<void> {
    this.byWorkspace.clear();
    await this.stopListening?.();
    this.stopListening = null;
  }

  private receive(payload: string): void {
    let parsed: z.infer<typeof changePayload>;
    try {
      parsed = changePayload.parse(JSON.parse(payload));
    } catch {
      logger.warn("A notification on the changes channel was not a change; it was ignored");
      return;
    }
    const event: HubEvent = { kind: "change", change: parsed };
    for (const subscriber of this.byWorkspace.get(parsed.workspaceId) ?? []) {
      if (subscriber.topics.has(parsed.topic)) this.hand(subscriber, event);
    }
  }

  private broadcast(event: HubEvent): void {
    for (const subscribers of this.byWorkspace.values()) for (const subscriber of subscribers) this.hand(subscriber, event);
  }

  // One subscriber's failure (a stream closed under it, say) must not keep the change from the others.
  private hand(subscriber: Subscriber, event: HubEvent): void {
    try {
      subscriber.deliver(event);
    } catch (error) {
      logError("A live change could not be handed on", error);
    }
  }
}
