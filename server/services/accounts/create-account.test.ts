import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { createUser } from "@/db/factories";
import { memberships, users, workspaces } from "@/db/schema";
import { test } from "@/db/test-db";
import { snapshotDatabase } from "@/db/test-snapshot";
import { AppError } from "@/server/errors";
import { createAccount } from "./create-account";
import { verifyCredentials } from "./verify-credentials";

const signUp = { name: "Rosa Diaz", email: "rosa@example.test", password: "a long enough password", workspaceName: "Rosa's Team" };

describe("createAccount", () => {
  test("creates the user, their first workspace, and makes them its admin", async ({ db }) => {
    const { userId, workspaceId } = await createAccount(db, signUp);

    const user = await db.query.users.findFirst({ where: eq(users.id, userId) });
    expect(user).toMatchObject({ email: "rosa@example.test", name: "Rosa Diaz" });
    expect(user!.passwordHash).not.toContain(signUp.password);
    expect(await db.select().from(workspaces)).toEqual([expect.objectContaining({ id: workspaceId, name: "Rosa's Team" })]);
    expect(await db.select({ userId: memberships.userId, workspaceId: memberships.workspaceId, role: memberships.role }).from(memberships)).toEqual([
      { userId, workspaceId, role: "admin" },
    ]);
    expect(await verifyCredentials(db, { email: signUp.email, password: signUp.password })).toMatchObject({ id: userId });
  });

  test("refuses an email that is taken with a CONFLICT on the email field, and writes nothing", async ({ db }) => {
    await createUser(db, { email: signUp.email });
    const before = await snapshotDatabase(db);

    const error = await createAccount(db, { ...signUp, workspaceName: "Second try" }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "CONFLICT", fieldErrors: { email: [expect.stringContaining("already exists")] } });
    // No orphan workspace from the rolled-back transaction.
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});
