import { describe, expect } from "vitest";
import { users } from "./schema";
import { createUser } from "./factories";
import { test } from "./test-db";
import { countRows, snapshotDatabase } from "./test-snapshot";

// The test database helper itself: every test must start migrated and empty,
// whatever the test before it wrote.
describe("createTestDatabase", () => {
  test("gives a migrated database with every table empty", async ({ db }) => {
    // Selecting from every schema table fails unless the migrations ran.
    const counts = countRows(await snapshotDatabase(db));
    expect(Object.keys(counts)).toEqual(expect.arrayContaining(["users", "workspaces", "memberships", "invitations"]));
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
  });

  for (const turn of [1, 2]) {
    test(`does not see rows written by another test (turn ${turn})`, async ({ db }) => {
      expect(await db.select().from(users)).toEqual([]);
      await createUser(db, { email: "same-email@example.test" });
    });
  }
});
