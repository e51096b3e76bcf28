import { describe, expect } from "vitest";
import { workflowEvents, workflowFunctions, workflowRuns } from "@/db/schema";
import { test } from "@/db/test-db";
import { handleEventRequest } from "./event-api";
import { WorkflowExecutor } from "./executor";
import { UnsupportedFunctionError } from "./registry";
import { startServeApp } from "./testing/serve-app";

const KEY = "the-event-key";

function post(body: unknown) {
  return new Request("http://executor.test/e/key", { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) });
}

describe("the event API", () => {
  test("bad events are a 400 that says what is wrong, and nothing is stored", async ({ db }) => {
    const executor = new WorkflowExecutor({ db, appUrls: [], signingKey: "signkey-test-00" });
    const cases: [unknown, RegExp][] = [
      [{ data: { a: 1 } }, /needs a name/],
      [{ name: "  ", data: {} }, /needs a name/],
      [{ name: "thing/happened", data: "not an object" }, /data must be an object/],
      [[{ name: "ok/one" }, 42], /event 2: .*must be an object/],
      ["{not json", /must be JSON/],
      [[], /no events/],
    ];
    for (const [body, message] of cases) {
      const response = await handleEventRequest(executor, post(body), KEY, KEY);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatch(message);
    }
    expect(await db.select().from(workflowEvents)).toEqual([]);

    const wrongKey = await handleEventRequest(executor, post({ name: "ok/one" }), "guess", KEY);
    expect(wrongKey.status).toBe(401);
    expect(await db.select().from(workflowEvents)).toEqual([]);
  });

  test("good events get ids; an id sent twice is stored and acted on once", async ({ db }) => {
    const app = await startServeApp("api", (client) => [
      client.createFunction({ id: "count", triggers: [{ event: "ok/one" }] }, async () => "counted"),
    ]);
    try {
      const executor = new WorkflowExecutor({ db, appUrls: [app.serveUrl], signingKey: app.signingKey });
      await executor.sync();
      const first = await handleEventRequest(executor, post([{ name: "ok/one", id: "same" }, { name: "ok/one", data: { n: 2 } }]), KEY, KEY);
      expect(first.status).toBe(200);
      const { ids } = await first.json();
      expect(ids).toHaveLength(2);
      expect(ids[0]).toBe("same");
      await handleEventRequest(executor, post({ name: "ok/one", id: "same" }), KEY, KEY);
      expect(await db.select().from(workflowEvents)).toHaveLength(2);
      expect(await db.select().from(workflowRuns)).toHaveLength(2);
    } finally {
      await app.close();
    }
  });
});

describe("sync", () => {
  test("a function outside the supported subset is refused by name, and nothing is stored", async ({ db }) => {
    const app = await startServeApp("picky", (client) => [
      client.createFunction({ id: "fine", triggers: [{ event: "a/b" }] }, async () => "ok"),
      client.createFunction({ id: "throttled", throttle: { limit: 1, period: "1m" }, triggers: [{ event: "a/b" }] }, async () => "ok"),
    ]);
    try {
      const executor = new WorkflowExecutor({ db, appUrls: [app.serveUrl], signingKey: app.signingKey });
      const error = await executor.sync().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UnsupportedFunctionError);
      expect((error as Error).message).toBe(
        'Function "picky-throttled" uses throttling (`throttle`), which the embedded workflow executor does not support.',
      );
      expect(await db.select().from(workflowFunctions)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test("an expression outside the CEL subset is refused with the function's name", async ({ db }) => {
    const app = await startServeApp("exprs", (client) => [
      client.createFunction({ id: "sized", triggers: [{ event: "a/b", if: "size(event.data.items) > 2" }] }, async () => "ok"),
    ]);
    try {
      const executor = new WorkflowExecutor({ db, appUrls: [app.serveUrl], signingKey: app.signingKey });
      await expect(executor.sync()).rejects.toThrow(/Function "exprs-sized" uses an expression outside the supported subset/);
    } finally {
      await app.close();
    }
  });

  test("an unsigned or wrongly signed sync is refused by the SDK", async () => {
    const app = await startServeApp("locked", (client) => [client.createFunction({ id: "x", triggers: [{ event: "a/b" }] }, async () => "ok")]);
    try {
      const response = await fetch(app.serveUrl, { method: "PUT", headers: { "x-inngest-sync-kind": "in_band", "content-type": "application/json" }, body: JSON.stringify({ url: app.serveUrl }) });
      expect(response.status).toBe(401);
      const executor = new WorkflowExecutor({ db: undefined as never, appUrls: [app.serveUrl], signingKey: "signkey-prod-0123" });
      await expect(executor.sync()).rejects.toThrow(/HTTP 401/);
    } finally {
      await app.close();
    }
  });
});
