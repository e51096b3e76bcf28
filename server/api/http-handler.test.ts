// The tRPC endpoint as a browser reaches it: real requests through the real
// handler and router, on a real database, signed in as a real member.
import { describe, expect } from "vitest";
import { createTeam } from "@/db/factories";
import { test } from "@/db/test-db";
import type { Database } from "@/db";
import { resolveActiveWorkspace } from "@/server/services/workspaces/resolve-active-workspace";
import { handleTrpcRequest } from "./http-handler";
import { MAX_BATCH_CALLS } from "./request-checks";
import { transformer } from "./transformer";
import { callerFor } from "./test-caller";
import type { SessionUser } from "./trpc";

const APP = "http://127.0.0.1:3000";

async function contextFor(db: Database, user: SessionUser) {
  const workspace = await resolveActiveWorkspace(db, { userId: user.id });
  return async () => ({ db, session: { user: { id: user.id, name: user.name, email: user.email } }, workspace });
}

function post(path: string, init: { headers: Record<string, string>; body: BodyInit }) {
  return new Request(`${APP}/api/trpc/${path}`, { method: "POST", headers: { host: "127.0.0.1:3000", ...init.headers }, body: init.body });
}

/** The message a browser's tRPC client would show: the error travels through the app's transformer. */
async function errorMessage(response: Response): Promise<string> {
  const body = (await response.json()) as { error: string } | { error: string }[];
  const error = Array.isArray(body) ? body[0]!.error : body.error;
  return (transformer.output.deserialize(error) as { message: string }).message;
}

describe("the tRPC endpoint refuses cross-site writes", () => {
  test("an HTML form posted from another port of the same host does not revoke a calendar feed", async ({ db }) => {
    const team = await createTeam(db);
    await (await callerFor(db, team.viewer)).calendarFeed.create();
    const form = new FormData();
    form.set("anything", "1");
    // What a browser sends for <form method=post enctype=multipart/form-data action=".../calendarFeed.revoke"> on :4000.
    const response = await handleTrpcRequest(
      post("calendarFeed.revoke", { headers: { origin: "http://127.0.0.1:4000", "sec-fetch-site": "same-site" }, body: form }),
      await contextFor(db, team.viewer),
    );
    expect(response.status).toBe(403);
    expect(await errorMessage(response)).toMatch(/own pages/);
    expect(await (await callerFor(db, team.viewer)).calendarFeed.get()).not.toBeNull();
  });

  test("a JSON write with a foreign Origin gets 403 and changes nothing", async ({ db }) => {
    const team = await createTeam(db);
    await (await callerFor(db, team.viewer)).calendarFeed.create();
    const response = await handleTrpcRequest(
      post("calendarFeed.revoke", { headers: { origin: "https://evil.example", "content-type": "application/json" }, body: "{}" }),
      await contextFor(db, team.viewer),
    );
    expect(response.status).toBe(403);
    expect(await errorMessage(response)).toContain("https://evil.example");
    expect(await (await callerFor(db, team.viewer)).calendarFeed.get()).not.toBeNull();
  });

  test("a form body from the app's own origin is refused too: writes are JSON only", async ({ db }) => {
    const team = await createTeam(db);
    await (await callerFor(db, team.viewer)).calendarFeed.create();
    const form = new FormData();
    form.set("a", "1");
    const response = await handleTrpcRequest(
      post("calendarFeed.revoke", { headers: { origin: APP, "sec-fetch-site": "same-origin" }, body: form }),
      await contextFor(db, team.viewer),
    );
    expect(response.status).toBe(415);
    expect(await errorMessage(response)).toMatch(/JSON/);
    expect(await (await callerFor(db, team.viewer)).calendarFeed.get()).not.toBeNull();
  });

  test("a same-origin JSON write works, behind a proxy too", async ({ db }) => {
    const team = await createTeam(db);
    const viewer = await callerFor(db, team.viewer);
    await viewer.calendarFeed.create();
    const direct = await handleTrpcRequest(
      post("calendarFeed.revoke", { headers: { origin: APP, "sec-fetch-site": "same-origin", "content-type": "application/json" }, body: "{}" }),
      await contextFor(db, team.viewer),
    );
    expect(direct.status).toBe(200);
    expect(await viewer.calendarFeed.get()).toBeNull();

    await viewer.calendarFeed.create();
    // A TLS-terminating proxy forwards to the app's own address and names the public host.
    const proxied = await handleTrpcRequest(
      post("calendarFeed.revoke", {
        headers: { origin: "https://crescendo.example.com", "x-forwarded-host": "crescendo.example.com", "content-type": "application/json; charset=utf-8" },
        body: "{}",
      }),
      await contextFor(db, team.viewer),
    );
    expect(proxied.status).toBe(200);
    expect(await viewer.calendarFeed.get()).toBeNull();
  });
});

describe("the tRPC endpoint bounds batches", () => {
  const batchUrl = (count: number) => `${APP}/api/trpc/${Array.from({ length: count }, () => "calendarFeed.get").join(",")}?batch=1&input=${encodeURIComponent("{}")}`;

  test(`a batch of more than ${MAX_BATCH_CALLS} calls is refused with the limit in the message`, async ({ db }) => {
    const team = await createTeam(db);
    const response = await handleTrpcRequest(new Request(batchUrl(200)), await contextFor(db, team.viewer));
    expect(response.status).toBe(400);
    expect(await errorMessage(response)).toContain(`at most ${MAX_BATCH_CALLS} calls; this one had 200`);
  });

  test(`a batch of ${MAX_BATCH_CALLS} calls runs`, async ({ db }) => {
    const team = await createTeam(db);
    const response = await handleTrpcRequest(new Request(batchUrl(MAX_BATCH_CALLS)), await contextFor(db, team.viewer));
    expect(response.status).toBe(200);
    expect((await response.json()) as unknown[]).toHaveLength(MAX_BATCH_CALLS);
  });
});
