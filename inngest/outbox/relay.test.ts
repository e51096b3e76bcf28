// The events outbox against a real executor driving a small serve() app, and
// against a stand-in for Inngest's event API: events commit with their change
// or not at all, are delivered once, and a failed delivery is tried again.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { Inngest } from "inngest";
import { afterEach, beforeEach, describe, expect, inject } from "vitest";
import { createTeam } from "@/db/factories";
import { eventOutbox, workflowEvents, workflowRuns } from "@/db/schema";
import { test } from "@/db/test-db";
import { createWorkspace } from "@/server/services/workspaces/create-workspace";
import { workspaceCreated } from "../events";
import { type ServeApp, startServeApp } from "../executor/testing/serve-app";
import { waitFor } from "../executor/testing/wait-for";
import { executorDeliverer, inngestDeliverer } from "./deliverers";
import { enqueueEvents } from "./enqueue-events";
import { OutboxRelay } from "./relay";

let app: ServeApp;
let welcomed: string[];

beforeEach(async () => {
  welcomed = [];
  app = await startServeApp("outbox", (client) => [
    client.createFunction({ id: "welcome", triggers: [{ event: "workspace/created" }] }, async ({ event, step }) =>
      step.run("welcome", () => welcomed.push(event.data.workspaceId as string)),
    ),
  ]);
});

afterEach(async () => {
  await app.close();
});

const welcomeRuns = (db: Parameters<typeof enqueueEvents>[0]) => db.select().from(workflowRuns).where(eq(workflowRuns.functionId, "outbox-welcome"));

describe("the events outbox on the embedded executor", () => {
  test("an event commits with its change and is delivered once; a rolled-back change leaves no event", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha" });
    const executor = await app.startExecutor(db);
    const relay = new OutboxRelay({ db, deliverer: executorDeliverer(executor) });

    const created = await createWorkspace(db, { actorId: team.admin.id, name: "Beta" });
    await expect(
      db.transaction(async (tx) => {
        await enqueueEvents(tx, [workspaceCreated.create({ workspaceId: team.workspace.id, actorId: team.admin.id }, { id: "rolled-back" })]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.select({ id: eventOutbox.id, deliveredAt: eventOutbox.deliveredAt }).from(eventOutbox)).toEqual([
      { id: `workspace-created-${created.id}`, deliveredAt: null },
    ]);

    expect(await relay.deliverDue()).toBe(1);
    await waitFor(async () => welcomed.length === 1, "the welcome run");
    expect(welcomed).toEqual([created.id]);
    const [row] = await db.select().from(eventOutbox);
    expect(row!.deliveredAt).toBeInstanceOf(Date);
    expect(await relay.deliverDue()).toBe(0);

    // A relay that died after handing the event over but before its mark would deliver it again: the id starts nothing twice.
    await db.update(eventOutbox).set({ deliveredAt: null }).where(eq(eventOutbox.id, `workspace-created-${created.id}`));
    expect(await relay.deliverDue()).toBe(1);
    await executor.drain();
    expect(await welcomeRuns(db)).toHaveLength(1);
    expect(await db.select().from(workflowEvents)).toHaveLength(1);
    expect(welcomed).toEqual([created.id]);
  });

  test("the running relay delivers at the commit, woken by the outbox's notification", async ({ db, fileDatabase }) => {
    const team = await createTeam(db, { name: "Alpha" });
    const executor = await app.startExecutor(db);
    // A poll this slow would miss the test's patience: only the NOTIFY can wake it in time.
    const relay = new OutboxRelay({ db, deliverer: executorDeliverer(executor), listen: fileDatabase.listen, pollIntervalMs: 60_000 });
    await relay.start();
    try {
      const created = await createWorkspace(db, { actorId: team.admin.id, name: "Beta" });
      await waitFor(async () => welcomed.includes(created.id), "the welcome run", 10_000);
    } finally {
      await relay.stop();
    }
  });

  test("a failed delivery is tried again later with a growing delay, and a bad event does not hold back the others", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha" });
    const executor = await app.startExecutor(db);
    const errors: unknown[] = [];
    const deliver = executorDeliverer(executor);
    let refuse = new Set(["poison"]);
    const relay = new OutboxRelay({
      db,
      deliverer: {
        async deliver(tx, events) {
          if (events.some((event) => refuse.has(event.id))) throw new Error("the engine refused the batch");
          await deliver.deliver(tx, events);
        },
      },
      backoffMs: (attempts) => attempts * 60_000,
      onError: (error) => errors.push(error),
    });
    await db.transaction(async (tx) => {
      await enqueueEvents(tx, [
        workspaceCreated.create({ workspaceId: team.workspace.id, actorId: team.admin.id }, { id: "good" }),
        workspaceCreated.create({ workspaceId: team.workspace.id, actorId: team.admin.id }, { id: "poison" }),
      ]);
    });

    expect(await relay.deliverDue()).toBe(1);
    const rows = await db.select().from(eventOutbox).orderBy(eventOutbox.id);
    expect(rows.map(({ id, attempts, lastError, deliveredAt }) => ({ id, attempts, lastError, delivered: deliveredAt !== null }))).toEqual([
      { id: "good", attempts: 0, lastError: null, delivered: true },
      { id: "poison", attempts: 1, lastError: "the engine refused the batch", delivered: false },
    ]);
    const poison = rows[1]!;
    expect(poison.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(50_000);
    expect(errors).toHaveLength(1);
    // Not due yet: nothing is tried.
    expect(await relay.deliverDue()).toBe(0);

    refuse = new Set();
    await db.update(eventOutbox).set({ nextAttemptAt: new Date(Date.now() - 1_000) }).where(eq(eventOutbox.id, "poison"));
    expect(await relay.deliverDue()).toBe(1);
    const [mended] = await db.select().from(eventOutbox).where(eq(eventOutbox.id, "poison"));
    expect(mended).toMatchObject({ attempts: 1, lastError: null });
    expect(mended!.deliveredAt).toBeInstanceOf(Date);
  });

  test("an event whose data does not match its schema fails the writer's transaction, which writes nothing", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha" });
    await expect(
      db.transaction(async (tx) => {
        await createWorkspace(tx, { actorId: team.admin.id, name: "Beta" });
        await enqueueEvents(tx, [workspaceCreated.create({ workspaceId: "not-a-uuid", actorId: team.admin.id })]);
      }),
    ).rejects.toThrow();
    expect(await db.select().from(eventOutbox)).toEqual([]);
  });
});

/** A stand-in for Inngest's event API: records every event it is sent, refusing the first `failures` requests. */
async function startEventApi(failures: number) {
  const received: { id: string; name: string }[] = [];
  let refused = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (refused < failures) {
        refused++;
        res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: "down for a moment" }));
        return;
      }
      const events = JSON.parse(Buffer.concat(chunks).toString()) as { id: string; name: string }[];
      received.push(...events.map(({ id, name }) => ({ id, name })));
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ids: events.map((event) => event.id), status: 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("the events outbox on Inngest", () => {
  test("sends each event with its id, and sends a refused one again later, with the same id", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha" });
    // The SDK retries a failed send itself a few times; refusing more than that makes the relay's own retry show.
    const api = await startEventApi(10);
    try {
      const client = new Inngest({ id: "outbox-test", isDev: false, eventKey: "test-key", baseUrl: api.url, logger: quiet });
      const relay = new OutboxRelay({ db, deliverer: inngestDeliverer(client), backoffMs: () => 0, onError: () => {} });
      const created = await createWorkspace(db, { actorId: team.admin.id, name: "Beta" });

      for (let attempt = 0; attempt < 20 && api.received.length === 0; attempt++) await relay.deliverDue();
      expect(api.received).toEqual([{ id: `workspace-created-${created.id}`, name: "workspace/created" }]);
      const [row] = await db.select().from(eventOutbox);
      expect(row!.attempts).toBeGreaterThan(0);
      expect(row!.deliveredAt).toBeInstanceOf(Date);
    } finally {
      await api.close();
    }
  });
});

const quiet = { info() {}, warn() {}, error() {}, debug() {} };

describe.skipIf(inject("testDatabaseTemplate").kind !== "postgres")("two relays at once (PostgreSQL)", () => {
  test("relays of two processes share the outbox: each event is sent once", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha" });
    const api = await startEventApi(0);
    try {
      const client = new Inngest({ id: "outbox-test", isDev: false, eventKey: "test-key", baseUrl: api.url, logger: quiet });
      const events = Array.from({ length: 300 }, (_, n) => workspaceCreated.create({ workspaceId: team.workspace.id, actorId: team.admin.id }, { id: `event-${n}` }));
      for (let start = 0; start < events.length; start += 30) await db.transaction((tx) => enqueueEvents(tx, events.slice(start, start + 30)));
      const relays = [1, 2].map(() => new OutboxRelay({ db, deliverer: inngestDeliverer(client), batchSize: 10 }));
      const delivered = await Promise.all(relays.map((relay) => relay.deliverDue()));

      expect(delivered[0]! + delivered[1]!).toBe(300);
      expect(delivered.every((count) => count > 0)).toBe(true);
      expect(api.received).toHaveLength(300);
      expect(new Set(api.received.map((event) => event.id)).size).toBe(300);
    } finally {
      await api.close();
    }
  });
});
