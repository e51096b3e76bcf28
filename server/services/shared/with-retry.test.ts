import { eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db";
import { workspaces } from "@/db/schema";
import { test } from "@/db/test-db";
import { AppError } from "@/server/errors";
import { transactionWithRetry } from "./with-retry";

/** Makes the server abort the transaction with this SQLSTATE, as it does a deadlock victim (40P01) or a serialization failure (40001). */
async function abortWith(tx: Database, code: string) {
  await tx.execute(sql.raw(`do $$ begin raise exception 'aborted for the test' using errcode = '${code}'; end $$`));
}

const named = (db: Database, name: string) => db.select().from(workspaces).where(eq(workspaces.name, name));

describe("transactionWithRetry", () => {
  test("runs a transaction the server aborted as a deadlock again, and only the attempt that committed wrote anything", async ({ db }) => {
    let attempts = 0;
    const result = await transactionWithRetry(db, async (tx) => {
      attempts++;
      await tx.insert(workspaces).values({ name: "Retried" });
      if (attempts === 1) await abortWith(tx, "40P01");
      return "done";
    });

    expect({ result, attempts }).toEqual({ result: "done", attempts: 2 });
    expect(await named(db, "Retried")).toHaveLength(1);
  });

  test("after three aborted attempts it answers CONFLICT in words a person understands, and writes nothing", async ({ db }) => {
    let attempts = 0;
    const error = await transactionWithRetry(db, async (tx) => {
      attempts++;
      await tx.insert(workspaces).values({ name: "Never" });
      await abortWith(tx, "40001");
    }).catch((e: unknown) => e);

    expect(attempts).toBe(3);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "CONFLICT", message: "Someone else changed this at the same moment; try again." });
    expect(await named(db, "Never")).toEqual([]);
  });

  test("any other failure is not run again", async ({ db }) => {
    let attempts = 0;
    const error = await transactionWithRetry(db, async (tx) => {
      attempts++;
      await abortWith(tx, "23505");
    }).catch((e: unknown) => e);

    expect(attempts).toBe(1);
    expect(error).not.toBeInstanceOf(AppError);
  });
});
