// The page's one live connection (GET /api/realtime, server-sent events),
// shared by every component following a topic: it carries the union of their
// topics and reopens when that set changes. The browser reconnects by itself
// after a dropped connection; after a refusal (a 401, a proxy's 502 during a
// restart) it gives up, so this tries again with a growing pause. Whenever the
// connection opens (after the page rendered, a change of topics or a loss), or
// the server says it may have missed changes, every follower hears "everything
// may have changed" and re-reads.
import type { ChangeTopic } from "@/server/realtime/publish-change";

export interface LiveChange {
  topic: ChangeTopic;
  /** The rows that changed; empty when `everything` is true. */
  ids: string[];
  /** Who made the change (null for background work); other tabs of the same person hear it too. */
  actorId: string | null;
  /** Re-read everything shown of the topic: the connection (re)opened, or the change was too large to list. */
  everything: boolean;
}

/** What is used of the browser's EventSource. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => unknown) | null;
  onerror: ((event: Event) => unknown) | null;
  addEventListener(type: "change" | "resync", listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

type Follower = { topic: ChangeTopic; onChange: (change: LiveChange) => void };

export const LIVE_ENDPOINT = "/api/realtime";
const CLOSED = 2; // EventSource.CLOSED: the browser gave up on this connection.
const FIRST_RETRY_MS = 2_000;
const LAST_RETRY_MS = 60_000;

export class LiveConnection {
  private readonly followers = new Set<Follower>();
  private source: EventSourceLike | null = null;
  private openTopics = "";
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private reconcileQueued = false;

  constructor(private readonly open: (url: string) => EventSourceLike = (url) => new EventSource(url)) {}

  /** Follows a topic's changes in the signed-in member's workspace; returns the function that stops. */
  follow(topic: ChangeTopic, onChange: (change: LiveChange) => void): () => void {
    const follower: Follower = { topic, onChange };
    this.followers.add(follower);
    this.queueReconcile();
    return () => {
      this.followers.delete(follower);
      this.queueReconcile();
    };
  }

  private tell(change: LiveChange): void {
    for (const follower of this.followers) if (follower.topic === change.topic) follower.onChange(change);
  }

  private tellEverything(): void {
    for (const topic of this.topics()) this.tell({ topic, ids: [], actorId: null, everything: true });
  }

  private topics(): ChangeTopic[] {
    return [...new Set([...this.followers].map((f) => f.topic))].sort();
  }

  private connect(): void {
    const source = this.open(`${LIVE_ENDPOINT}?topics=${encodeURIComponent(this.openTopics)}`);
    this.source = source;
    // Every open may follow a gap: the page rendered before it, or the topics changed, or the connection
    // was lost. Whatever committed in that gap was never sent, so followers re-read once it is open.
    source.onopen = () => {
      this.retryMs = FIRST_RETRY_MS;
      this.tellEverything();
    };
    source.addEventListener("change", (event) => {
      const change = JSON.parse(event.data) as Omit<LiveChange, "everything">;
      this.tell({ ...change, everything: change.ids.length === 0 });
    });
    source.addEventListener("resync", () => this.tellEverything());
    source.onerror = () => {
      if (source.readyState !== CLOSED) return; // The browser is reconnecting by itself.
      source.close();
      this.source = null;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        if (this.openTopics && !this.source) this.connect();
      }, this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
    };
  }

  // Runs once after the components of a render have (un)subscribed, so mounting several at once opens one connection.
  private queueReconcile(): void {
    if (this.reconcileQueued) return;
    this.reconcileQueued = true;
    queueMicrotask(() => {
      this.reconcileQueued = false;
      const wanted = this.topics().join(",");
      if (wanted === this.openTopics && (this.source || this.retryTimer)) return;
      this.source?.close();
      this.source = null;
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
      this.openTopics = wanted;
      if (wanted) this.connect();
    });
  }
}

let pageConnection: LiveConnection | undefined;

/** Follows a topic on the page's one connection (opened on first use, closed when nobody follows anything). */
export function followLiveChanges(topic: ChangeTopic, onChange: (change: LiveChange) => void): () => void {
  pageConnection ??= new LiveConnection();
  return pageConnection.follow(topic, onChange);
}
