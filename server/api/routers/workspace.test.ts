import { describe, expect } from "vitest";
import { addMember, createTeam, createUser } from "@/db/factories";
import { callError, callerFor, fieldErrorsOf } from "@/server/api/test-caller";
import { test } from "@/db/test-db";
import { snapshotDatabase } from "@/db/test-snapshot";

describe("workspace router", () => {
  test("list: the caller's workspaces with their role in each", async ({ db }) => {
    const alpha = await createTeam(db, { name: "Alpha" });
    const beta = await createTeam(db, { name: "Beta" });
    await createTeam(db, { name: "Gamma" });
    await addMember(db, { workspaceId: beta.workspace.id, userId: alpha.marketer.id, role: "viewer" });

    expect(await (await callerFor(db, alpha.marketer)).workspace.list()).toEqual([
      { id: alpha.workspace.id, name: "Alpha", role: "marketer" },
      { id: beta.workspace.id, name: "Beta", role: "viewer" },
    ]);
  });

  test("current: the chosen workspace when the caller belongs to it, else their first", async ({ db }) => {
    const alpha = await createTeam(db, { name: "Alpha" });
    const beta = await createTeam(db, { name: "Beta" });
    await addMember(db, { workspaceId: beta.workspace.id, userId: alpha.manager.id, role: "admin" });

    expect(await (await callerFor(db, alpha.manager)).workspace.current()).toEqual({ id: alpha.workspace.id, name: "Alpha", role: "manager" });
    expect(await (await callerFor(db, alpha.manager, beta.workspace.id)).workspace.current()).toEqual({ id: beta.workspace.id, name: "Beta", role: "admin" });
    // A workspace cookie pointing at someone else's workspace gets the caller nothing there.
    expect(await (await callerFor(db, beta.viewer, alpha.workspace.id)).workspace.current()).toMatchObject({ id: beta.workspace.id });
  });

  test("current: someone who belongs to no workspace is FORBIDDEN, but can list and create", async ({ db }) => {
    const loner = await createUser(db, { name: "Lone Wolf" });
    const caller = await callerFor(db, loner);

    expect((await callError(caller.workspace.current())).code).toBe("FORBIDDEN");
    expect(await caller.workspace.list()).toEqual([]);
    const created = await caller.workspace.create({ name: "Solo Studio" });
    expect(await caller.workspace.list()).toEqual([{ id: created.id, name: "Solo Studio", role: "admin" }]);
  });

  test("create: a new workspace with the creator as its only member, an admin", async ({ db }) => {
    const alpha = await createTeam(db, { name: "Alpha" });
    const created = await (await callerFor(db, alpha.viewer)).workspace.create({ name: "  Side Project  " });

    const inNew = await callerFor(db, alpha.viewer, created.id);
    expect(await inNew.workspace.current()).toEqual({ id: created.id, name: "Side Project", role: "admin" });
    expect(await inNew.member.list()).toEqual([expect.objectContaining({ userId: alpha.viewer.id, role: "admin" })]);
  });

  test("create: a too-short name is BAD_REQUEST on the name field, and nothing is written", async ({ db }) => {
    const alpha = await createTeam(db);
    const caller = await callerFor(db, alpha.admin);
    const before = await snapshotDatabase(db);

    const error = await callError(caller.workspace.create({ name: " x " }));

    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(error)).toEqual({ name: ["Give the workspace a name of at least 2 characters"] });
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});
