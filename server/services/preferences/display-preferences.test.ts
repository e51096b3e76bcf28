import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { createTeam } from "@/db/factories";
import { users, workspaces } from "@/db/schema";
import { test } from "@/db/test-db";
import { findDisplayPreferences, rememberTimeZone } from "./display-preferences";

describe("display preferences", () => {
  test("reads the member's choices beside the workspace's zone", async ({ db }) => {
    const team = await createTeam(db);
    await db.update(workspaces).set({ timeZone: "Asia/Tokyo" }).where(eq(workspaces.id, team.workspace.id));
    expect(await findDisplayPreferences(db, { userId: team.viewer.id, workspaceId: team.workspace.id })).toEqual({
      timeZone: null,
      locale: null,
      workspaceTimeZone: "Asia/Tokyo",
    });
  });

  test("keeps the browser's zone as the member's own only when they have none", async ({ db }) => {
    const team = await createTeam(db);
    expect(await rememberTimeZone(db, { userId: team.marketer.id, timeZone: "America/Los_Angeles" })).toBe(true);
    expect(await rememberTimeZone(db, { userId: team.marketer.id, timeZone: "Europe/Berlin" })).toBe(false);
    expect(await rememberTimeZone(db, { userId: team.manager.id, timeZone: "Not/A_Zone" })).toBe(false);
    const rows = await db.select({ id: users.id, timeZone: users.timeZone }).from(users);
    expect(rows.find((row) => row.id === team.marketer.id)?.timeZone).toBe("America/Los_Angeles");
    expect(rows.find((row) => row.id === team.manager.id)?.timeZone).toBeNull();
  });
});
