// The page's live connection against a stand-in for the browser's EventSource:
// one connection for every follower, "everything" whenever it opens (after the
// page rendered, or a loss), retries after a refusal.
import { describe, expect, test, vi } from "vitest";
import { type EventSourceLike, type LiveChange, LiveConnection } from "./live-connection";

class FakeSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => unknown) | null = null;
  onerror: ((event: Event) => unknown) | null = null;
  closed = false;
  private readonly listeners = new Map<string, (event: MessageEvent<string>) => void>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, listener);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  // What the server and network do:
  opens() {
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }
  sends(type: string, data: unknown) {
    this.listeners.get(type)?.(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  drops(browserGivesUp = false) {
    this.readyState = browserGivesUp ? 2 : 0;
    this.onerror?.(new Event("error"));
  }
}

function setUp() {
  const sources: FakeSource[] = [];
  const connection = new LiveConnection((url) => {
    const source = new FakeSource(url);
    sources.push(source);
    return source;
  });
  const heard: LiveChange[] = [];
  return { sources, connection, heard, follow: () => connection.follow("tasks", (change) => heard.push(change)) };
}

const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe("the live connection", () => {
  test("followers share one connection, hear changes, and it closes when the last one leaves", async () => {
    const { sources, heard, follow } = setUp();
    const [stopFirst, stopSecond] = [follow(), follow()];
    await settle();
    expect(sources.map((s) => s.url)).toEqual(["/api/realtime?topics=tasks"]);

    sources[0]!.opens();
    sources[0]!.sends("change", { topic: "tasks", ids: ["t1"], actorId: "u1" });
    const everything = { topic: "tasks", ids: [], actorId: null, everything: true };
    expect(heard).toEqual([
      // What committed between the page's render and the opening was never sent: each follower re-reads.
      everything,
      everything,
      { topic: "tasks", ids: ["t1"], actorId: "u1", everything: false },
      { topic: "tasks", ids: ["t1"], actorId: "u1", everything: false },
    ]);

    stopFirst();
    stopSecond();
    await settle();
    expect(sources[0]!.closed).toBe(true);
    expect(sources).toHaveLength(1);
  });

  test("after the browser reconnects from a drop, followers are told everything may have changed", async () => {
    const { sources, heard, follow } = setUp();
    follow();
    await settle();
    sources[0]!.opens();
    heard.length = 0;

    sources[0]!.drops();
    sources[0]!.opens();
    sources[0]!.sends("resync", {});
    sources[0]!.sends("change", { topic: "tasks", ids: [], actorId: null });

    const everything = { topic: "tasks", ids: [], actorId: null, everything: true };
    expect(heard).toEqual([everything, everything, everything]);
  });

  test("when the browser gives up (a refusal), it tries again later and then re-reads everything", async () => {
    vi.useFakeTimers();
    try {
      const { sources, heard, follow } = setUp();
      follow();
      await settle();
      sources[0]!.drops(true);
      expect(sources[0]!.closed).toBe(true);

      vi.advanceTimersByTime(2_000);
      expect(sources).toHaveLength(2);
      sources[1]!.drops(true);
      vi.advanceTimersByTime(2_000);
      expect(sources).toHaveLength(2); // The pause grows.
      vi.advanceTimersByTime(2_000);
      expect(sources).toHaveLength(3);

      sources[2]!.opens();
      expect(heard).toEqual([{ topic: "tasks", ids: [], actorId: null, everything: true }]);
    } finally {
      vi.useRealTimers();
    }
  });
});
