import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { createWorkspace } from "@/db/factories";
import { workspaces } from "@/db/schema";
import { test } from "@/db/test-db";
import { planFollowUp } from "./plan-follow-up";

describe("planFollowUp", () => {
  test("two business days later at the same time: a Friday afternoon's follow-up goes out on Tuesday", async ({ db }) => {
    const workspace = await createWorkspace(db);
    const at = await planFollowUp(db, { workspaceId: workspace.id, createdAt: new Date("2026-11-20T15:30:00Z") });
    expect(at.toISOString()).toBe("2026-11-24T15:30:00.000Z");
  });

  test("a public holiday of the workspace's country is skipped, as the timelines skip it", async ({ db }) => {
    const workspace = await createWorkspace(db);
    const createdAt = new Date("2026-11-25T15:00:00Z"); // the Wednesday before Thanksgiving
    expect((await planFollowUp(db, { workspaceId: workspace.id, createdAt })).toISOString()).toBe("2026-11-27T15:00:00.000Z");

    await db.update(workspaces).set({ holidayCountry: "US" }).where(eq(workspaces.id, workspace.id));
    expect((await planFollowUp(db, { workspaceId: workspace.id, createdAt })).toISOString()).toBe("2026-11-30T15:00:00.000Z");
  });

  test("days are counted in the workspace's time zone", async ({ db }) => {
    const workspace = await createWorkspace(db);
    await db.update(workspaces).set({ holidayCountry: "US", timeZone: "America/New_York" }).where(eq(workspaces.id, workspace.id));
    // Still Tuesday evening in New York: Wednesday is the first business day, Thanksgiving is skipped, Friday is the second.
    const at = await planFollowUp(db, { workspaceId: workspace.id, createdAt: new Date("2026-11-25T03:00:00Z") });
    expect(at.toISOString()).toBe("2026-11-28T03:00:00.000Z");
  });

  test("a workspace deleted since is planned on weekdays alone", async ({ db }) => {
    const at = await planFollowUp(db, { workspaceId: "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f", createdAt: new Date("2026-11-25T15:00:00Z") });
    expect(at.toISOString()).toBe("2026-11-27T15:00:00.000Z");
  });
});
