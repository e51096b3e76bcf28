import { describe, expect } from "vitest";
import { createUser } from "@/db/factories";
import { test } from "@/db/test-db";
import { verifyCredentials } from "./verify-credentials";

describe("verifyCredentials", () => {
  test("returns the user for the right password, without the hash", async ({ db }) => {
    const user = await createUser(db, { email: "kim@example.test", name: "Kim", password: "the right password" });
    expect(await verifyCredentials(db, { email: "kim@example.test", password: "the right password" })).toEqual({
      id: user.id,
      email: "kim@example.test",
      name: "Kim",
    });
  });

  test("returns null for a wrong password", async ({ db }) => {
    await createUser(db, { email: "kim@example.test", password: "the right password" });
    expect(await verifyCredentials(db, { email: "kim@example.test", password: "the wrong password" })).toBeNull();
  });

  test("returns null for an unknown email", async ({ db }) => {
    await createUser(db, { email: "kim@example.test", password: "the right password" });
    expect(await verifyCredentials(db, { email: "nobody@example.test", password: "the right password" })).toBeNull();
  });
});
