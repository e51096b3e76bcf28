import { type AddressInfo, createServer } from "node:net";
import { describe, expect } from "vitest";
import { openDatabase } from "@/db/client";
import { test } from "@/db/test-db";
import packageJson from "@/package.json";
import { checkHealth } from "./check-health";

/** A port on 127.0.0.1 that nothing listens on: bound by us, then released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("checkHealth", () => {
  test("is ok when the database answers", async ({ db }) => {
    expect(await checkHealth(async () => db)).toEqual({
      httpStatus: 200,
      body: { status: "ok", db: "ok", version: packageJson.version },
    });
  });

  test("is 503 with the database down when nothing listens at the PostgreSQL address", async () => {
    const handle = await openDatabase({ kind: "postgres", url: `postgres://crescendo@127.0.0.1:${await freePort()}/crescendo`, maxConnections: 1 });
    try {
      expect(await checkHealth(async () => handle.db)).toEqual({
        httpStatus: 503,
        body: { status: "error", db: "down", version: packageJson.version },
      });
    } finally {
      await handle.close();
    }
  });

  test("is 503 when the database cannot even be opened", async () => {
    const health = await checkHealth(() => Promise.reject(new Error("could not open the data folder")));
    expect(health).toMatchObject({ httpStatus: 503, body: { db: "down" } });
  });

  test("gives up with 503 when the database does not answer in time", async () => {
    // Opening the database hangs (a stuck PGlite folder, say): the check must still answer.
    const health = await checkHealth(() => new Promise(() => {}));
    expect(health).toMatchObject({ httpStatus: 503, body: { db: "down" } });
  });
});
