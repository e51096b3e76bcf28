// The live stream as a browser reaches it: a real request through the real
// handler, signed in with a real session (checked as Auth.js checks every
// reading of the cookie), on a real database.
import { describe, expect, onTestFinished } from "vitest";
import type { JWT } from "next-auth/jwt";
import type { Database } from "@/db";
import { createTask, createTeam } from "@/db/factories";
import { test } from "@/db/test-db";
import { callerFor } from "@/server/api/test-caller";
import { checkSessionToken, endSessionOfToken } from "@/server/auth/session-token";
import { removeMember } from "@/server/services/members/remove-member";
import { signOutEverywhere } from "@/server/services/accounts/sign-out-everywhere";
import { resolveActiveWorkspace } from "@/server/services/workspaces/resolve-active-workspace";
import { ChangeHub } from "./change-hub";
import { streamChanges, type StreamViewer } from "./change-stream";
import { publishChange } from "./publish-change";

const APP = "http://crescendo.test";

/** A sign-in as Auth.js runs it; the result is what the session cookie holds. */
async function signIn(db: Database, userId: string): Promise<JWT> {
  const token = await checkSessionToken(db, { token: {}, user: { id: userId } });
  return token!;
}

/** The reading every request makes: the cookie's session row must be live, then the person's active workspace. */
function viewerOf(db: Database, token: JWT) {
  return async (): Promise<StreamViewer | null> => {
    const checked = await checkSessionToken(db, { token });
    if (!checked?.sub) return null;
    const workspace = await resolveActiveWorkspace(db, { userId: checked.sub });
    return workspace ? { userId: checked.sub, workspaceId: workspace.id } : null;
  };
}

interface Event {
  event: string;
  data: unknown;
}

/** Opens the stream; its events are read as they come, and the request is aborted when the test ends. */
async function open(hub: ChangeHub, readViewer: () => Promise<StreamViewer | null>, query = "topics=tasks", heartbeatMs = 60_000) {
  const abort = new AbortController();
  onTestFinished(() => abort.abort());
  const response = await streamChanges(new Request(`${APP}/api/realtime?${query}`, { signal: abort.signal }), {
    hub: async () => hub,
    readViewer,
    heartbeatMs,
  });
  const events: Event[] = [];
  const comments: string[] = [];
  let ended = false;
  if (response.ok && response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = "";
      const reader = response.body!.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        buffer += decoder.decode(chunk.value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split("\n");
          const event = lines.find((l) => l.startsWith("event: "))?.slice(7);
          const data = lines.find((l) => l.startsWith("data: "))?.slice(6);
          if (event) events.push({ event, data: JSON.parse(data ?? "null") });
          comments.push(...lines.filter((l) => l.startsWith(":")));
        }
      }
      ended = true;
    })();
  }
  return { response, events, comments, abort, ended: () => ended };
}

async function hubOn(handle: Parameters<typeof ChangeHub.listen>[0]) {
  const hub = await ChangeHub.listen(handle);
  onTestFinished(() => hub.close());
  return hub;
}

describe("the live stream", () => {
  test("signed out, or with a session that was signed out, gets 401 and no stream", async ({ db, fileDatabase }) => {
    const hub = await hubOn(fileDatabase);
    const team = await createTeam(db);
    const token = await signIn(db, team.marketer.id);
    await endSessionOfToken(db, token);

    for (const reader of [viewerOf(db, {}), viewerOf(db, token), async () => null]) {
      const { response } = await open(hub, reader);
      expect(response.status).toBe(401);
      expect(await response.text()).toMatch(/sign in/i);
    }
    expect(hub.size).toBe(0);
  });

  test("an unknown or missing topic is refused with the topics there are", async ({ db, fileDatabase }) => {
    const hub = await hubOn(fileDatabase);
    const team = await createTeam(db);
    const viewer = viewerOf(db, await signIn(db, team.marketer.id));
    for (const query of ["", "topics=", "topics=tasks,secrets", "topics=tasks,tasks"]) {
      const { response } = await open(hub, viewer, query);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("tasks");
    }
  });

  test("a member hears their workspace's changes as they commit, never another workspace's", async ({ db, fileDatabase }) => {
    const hub = await hubOn(fileDatabase);
    const [ours, theirs] = [await createTeam(db), await createTeam(db)];
    const stream = await open(hub, viewerOf(db, await signIn(db, ours.viewer.id)));
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(stream.response.headers.get("cache-control")).toBe("no-cache, no-transform");
    await expect.poll(() => stream.comments).toEqual([": connected"]);

    await db.transaction((tx) => publishChange(tx, { workspaceId: theirs.workspace.id, topic: "tasks", ids: ["their-task"], actorId: theirs.marketer.id }));
    await db.transaction((tx) => publishChange(tx, { workspaceId: ours.workspace.id, topic: "tasks", ids: ["our-task"], actorId: ours.marketer.id }));

    await expect.poll(() => stream.events).toEqual([{ event: "change", data: { topic: "tasks", ids: ["our-task"], actorId: ours.marketer.id } }]);
  });

  test("a card moved on the board reaches another member's stream; a refused move sends nothing", async ({ db, fileDatabase }) => {
    const hub = await hubOn(fileDatabase);
    const team = await createTeam(db);
    const [first, second] = [await createTask(db, { workspaceId: team.workspace.id }), await createTask(db, { workspaceId: team.workspace.id })];
    const stream = await open(hub, viewerOf(db, await signIn(db, team.viewer.id)));

    await expect((await callerFor(db, team.viewer)).task.move({ taskId: first.id, status: "in_progress", afterTaskId: null })).rejects.toThrow();
    await (await callerFor(db, team.marketer)).task.move({ taskId: second.id, status: "in_progress", afterTaskId: null });

    await expect.poll(() => stream.events).toEqual([{ event: "change", data: { topic: "tasks", ids: [second.id], actorId: team.marketer.id } }]);
  });

  test("closing the connection ends the subscription", async ({ db, fileDatabase }) => {
    const hub = await hubOn(fileDatabase);
    const team = await createTeam(db);
    const stream = await open(hub, viewerOf(db, await signIn(db, team.viewer.id)));
    expect(hub.size).toBe(1);
    stream.abort.abort();
    expect(hub.size).toBe(0);
    await expect.poll(stream.ended).toBe(true);
  });

  test("the stream keeps itself alive while the session lasts, and ends when it is revoked", async ({ db, fileDatabase }) => {
    const hub = await hubOn(fileDatabase);
    const team = await createTeam(db);
    const stream = await open(hub, viewerOf(db, await signIn(db, team.marketer.id)), "topics=tasks", 50);
    await expect.poll(() => stream.comments.filter((c) => c === ": heartbeat").length).toBeGreaterThanOrEqual(2);
    expect(stream.ended()).toBe(false);

    await signOutEverywhere(db, { userId: team.marketer.id });

    await expect.poll(stream.ended).toBe(true);
    expect(hub.size).toBe(0);
  });

  test("the stream ends when the member is removed from the workspace", async ({ db, fileDatabase }) => {
    const hub = await hubOn(fileDatabase);
    const team = await createTeam(db);
    const stream = await open(hub, viewerOf(db, await signIn(db, team.viewer.id)), "topics=tasks", 50);
    await expect.poll(() => stream.comments).toContain(": heartbeat");

    await removeMember(db, { workspaceId: team.workspace.id, actorId: team.admin.id, userId: team.viewer.id });

    await expect.poll(stream.ended).toBe(true);
    expect(hub.size).toBe(0);
  });
});
