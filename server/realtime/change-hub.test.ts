// Changes travel from a writer's transaction to the subscribers of its workspace,
// on PGlite (in process) and on PostgreSQL (across app instances on one database).
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, inject, onTestFinished } from "vitest";
import type { Database } from "@/db";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { test } from "@/db/test-db";
import { databaseUrl, onServer } from "@/db/test-server";
import { ChangeHub, type HubEvent } from "./change-hub";
import { type Change, publishChange } from "./publish-change";

const template = inject("testDatabaseTemplate");
const onPostgres = template.kind === "postgres";

/** A hub on the handle that is closed when the test ends. */
async function hubOn(handle: DatabaseHandle): Promise<ChangeHub> {
  const hub = await ChangeHub.listen(handle);
  onTestFinished(() => hub.close());
  return hub;
}

/** Everything one subscriber of the workspace's tasks hears. */
function follow(hub: ChangeHub, workspaceId: string): HubEvent[] {
  const heard: HubEvent[] = [];
  onTestFinished(hub.subscribe({ workspaceId, topics: ["tasks"] }, (event) => heard.push(event)));
  return heard;
}

function change(workspaceId: string, ids: string[] = [randomUUID()]): Change {
  return { workspaceId, topic: "tasks", ids, actorId: null };
}

const publish = (db: Database, c: Change) => db.transaction((tx) => publishChange(tx, c));

/** Waits until a subscriber has heard the change, then returns all it heard. */
async function until(heard: HubEvent[], last: Change): Promise<HubEvent[]> {
  await expect.poll(() => heard.some((e) => e.kind === "change" && e.change.ids[0] === last.ids[0]), { timeout: 5_000 }).toBe(true);
  return heard;
}

describe("the change hub", () => {
  test("a change reaches the listener once its transaction commits, and never when it rolls back", async ({ db, fileDatabase }) => {
    const workspaceId = randomUUID();
    const heard = follow(await hubOn(fileDatabase), workspaceId);
    const rolledBack = change(workspaceId);
    const committed = change(workspaceId);

    await expect(
      db.transaction(async (tx) => {
        await publishChange(tx, rolledBack);
        throw new Error("the write failed");
      }),
    ).rejects.toThrow("the write failed");
    let heardBeforeCommit: HubEvent[] | undefined;
    await db.transaction(async (tx) => {
      await publishChange(tx, committed);
      // Still inside the transaction: nothing has gone out yet.
      await tx.execute(sql`select 1`);
      heardBeforeCommit = [...heard];
    });

    expect(heardBeforeCommit).toEqual([]);
    expect(await until(heard, committed)).toEqual([{ kind: "change", change: committed }]);
  });

  test("each subscriber hears its own workspace's topics only, and stops hearing when it unsubscribes", async ({ db, fileDatabase }) => {
    const hub = await hubOn(fileDatabase);
    const [ours, theirs] = [randomUUID(), randomUUID()];
    const [first, second, other] = [follow(hub, ours), follow(hub, ours), follow(hub, theirs)];
    const leaving: HubEvent[] = [];
    const unsubscribe = hub.subscribe({ workspaceId: ours, topics: ["tasks"] }, (event) => leaving.push(event));
    const noTopics: HubEvent[] = [];
    onTestFinished(hub.subscribe({ workspaceId: ours, topics: [] }, (event) => noTopics.push(event)));
    unsubscribe();

    const mine = change(ours, [randomUUID(), randomUUID()]);
    await publish(db, mine);
    const marker = change(theirs);
    await publish(db, marker);
    await until(other, marker);

    expect(first).toEqual([{ kind: "change", change: mine }]);
    expect(second).toEqual([{ kind: "change", change: mine }]);
    expect(other).toEqual([{ kind: "change", change: marker }]);
    expect([leaving, noTopics]).toEqual([[], []]);
  });

  test("a notification on the channel that is not a change is ignored, and later changes still arrive", async ({ db, fileDatabase }) => {
    const workspaceId = randomUUID();
    const heard = follow(await hubOn(fileDatabase), workspaceId);
    await db.execute(sql`select pg_notify('crescendo_changes', 'not json'), pg_notify('crescendo_changes', ${JSON.stringify({ workspaceId, topic: "nope" })})`);
    const later = change(workspaceId);
    await publish(db, later);
    expect(await until(heard, later)).toEqual([{ kind: "change", change: later }]);
  });

  test("more ids than a notification should carry go out as 'everything'", async ({ db, fileDatabase }) => {
    const workspaceId = randomUUID();
    const heard = follow(await hubOn(fileDatabase), workspaceId);
    await publish(db, change(workspaceId, Array.from({ length: 101 }, () => randomUUID())));
    await expect.poll(() => heard, { timeout: 5_000 }).toEqual([{ kind: "change", change: change(workspaceId, []) }]);
  });
});

describe.skipIf(!onPostgres)("the change hub across app instances on PostgreSQL", () => {
  /** A second app instance's handle on the same database. */
  async function secondInstance(db: Database): Promise<DatabaseHandle> {
    if (template.kind !== "postgres") throw new Error("PostgreSQL only");
    const [row] = (await db.execute<{ name: string }>(sql`select current_database() as name`)) as unknown as { name: string }[];
    const handle = await openDatabase({ kind: "postgres", url: databaseUrl(template.adminUrl, row!.name), maxConnections: 2 });
    onTestFinished(() => handle.close());
    return handle;
  }

  test("a change written through one instance reaches the other's subscribers of that workspace only", async ({ db, fileDatabase }) => {
    const other = await secondInstance(db);
    const [ours, theirs] = [randomUUID(), randomUUID()];
    const [hereHub, thereHub] = [await hubOn(fileDatabase), await hubOn(other)];
    const [here, there, elsewhere] = [follow(hereHub, ours), follow(thereHub, ours), follow(thereHub, theirs)];

    const fromHere = change(ours);
    await publish(db, fromHere);
    const fromThere = change(ours);
    await publish(other.db, fromThere);
    await until(here, fromThere);
    await until(there, fromThere);

    const both = [
      { kind: "change", change: fromHere },
      { kind: "change", change: fromThere },
    ];
    expect(here).toEqual(both);
    expect(there).toEqual(both);
    expect(elsewhere).toEqual([]);
  });

  test("when the listening connection drops, it listens again, tells subscribers to re-read, and changes keep coming", async ({ db, fileDatabase }) => {
    if (template.kind !== "postgres") return;
    const workspaceId = randomUUID();
    const heard = follow(await hubOn(fileDatabase), workspaceId);
    const [row] = (await db.execute<{ name: string }>(sql`select current_database() as name`)) as unknown as { name: string }[];

    const dropped = await onServer(
      template.adminUrl,
      (admin) => admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${row!.name} and query ilike 'listen%'`,
    );
    expect(dropped).toHaveLength(1);
    await expect.poll(() => heard, { timeout: 10_000 }).toEqual([{ kind: "resync" }]);

    const after = change(workspaceId);
    await publish(db, after);
    expect(await until(heard, after)).toEqual([{ kind: "resync" }, { kind: "change", change: after }]);
  });
});
