import { describe, expect } from "vitest";
import { createCampaign, createTeam } from "@/db/factories";
import { test } from "@/db/test-db";
import { callerFor } from "@/server/api/test-caller";
import { FILTER_CAMPAIGN_COUNT } from "@/server/services/calendar/list-filter-options";

describe("calendar.filterOptions", () => {
  test("offers this workspace's recently changed campaigns and its members by name, nothing more", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha Agency" });
    const other = await createTeam(db, { name: "Beta Brand" });
    const workspaceId = team.workspace.id;
    const older = await createCampaign(db, { workspaceId, ownerId: team.marketer.id, name: "Spring launch", updatedAt: new Date("2026-01-01T00:00:00Z") });
    const newer = await createCampaign(db, { workspaceId, ownerId: team.manager.id, name: "Autumn webinar", updatedAt: new Date("2026-02-01T00:00:00Z") });
    await createCampaign(db, { workspaceId, ownerId: team.marketer.id, name: "Old archive", status: "archived", statusBeforeArchive: "completed" });
    await createCampaign(db, { workspaceId: other.workspace.id, ownerId: other.marketer.id, name: "Beta secret launch" });

    const options = await (await callerFor(db, team.viewer)).calendar.filterOptions();

    // Most recently changed first; archived campaigns and other workspaces' are not offered.
    expect(options.campaigns).toEqual([
      { id: newer.id, name: "Autumn webinar" },
      { id: older.id, name: "Spring launch" },
    ]);
    // Owners are the members, by name, with nothing but their id and name.
    expect(options.owners).toEqual(
      [team.admin, team.manager, team.marketer, team.viewer].map((user) => ({ id: user.id, name: user.name })).sort((a, b) => a.name.localeCompare(b.name)),
    );
    expect(JSON.stringify(options)).not.toContain("Beta");
  });

  test("offers at most the hundred most recently changed campaigns", async ({ db }) => {
    const team = await createTeam(db);
    for (let i = 0; i <= FILTER_CAMPAIGN_COUNT; i++) {
      await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.marketer.id, name: `Campaign ${i}`, updatedAt: new Date(Date.UTC(2026, 0, 1, 0, i)) });
    }
    const { campaigns } = await (await callerFor(db, team.viewer)).calendar.filterOptions();
    expect(campaigns).toHaveLength(FILTER_CAMPAIGN_COUNT);
    expect(campaigns[0]!.name).toBe(`Campaign ${FILTER_CAMPAIGN_COUNT}`);
    expect(campaigns.map((campaign) => campaign.name)).not.toContain("Campaign 0");
  });
});
