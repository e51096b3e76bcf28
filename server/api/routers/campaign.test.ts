import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { createCampaign, createTeam, dayFromToday } from "@/db/factories";
import { auditLog, campaigns } from "@/db/schema";
import { test } from "@/db/test-db";
import { snapshotDatabase } from "@/db/test-snapshot";
import { callError, callerFor, fieldErrorsOf } from "@/server/api/test-caller";

const webinar = (ownerId: string) => ({
  name: "Spring webinar",
  type: "webinar" as const,
  goal: "Fill the pipeline for Q2",
  kpiName: "Registrations",
  kpiTarget: "800",
  audience: "Operations leads",
  channels: ["email" as const, "linkedin" as const, "email" as const],
  budgetAmount: "12,500.50",
  currency: "eur",
  ownerId,
  startDate: "2027-03-01",
  launchDate: "2027-03-18",
  endDate: "2027-03-31",
});

describe("campaign router", () => {
  test("create: a marketer creates a draft; fields are cleaned up and the creation is in the activity", async ({ db }) => {
    const team = await createTeam(db);
    const marketer = await callerFor(db, team.marketer);

    const campaign = await marketer.campaign.create(webinar(team.manager.id));

    expect(campaign).toMatchObject({
      status: "draft",
      channels: ["email", "linkedin"],
      budgetAmount: "12500.50",
      currency: "EUR",
      kpiTarget: "800.00",
      ownerId: team.manager.id,
      createdById: team.marketer.id,
    });
    const { entries } = await marketer.campaign.activity({ campaignId: campaign.id });
    expect(entries).toMatchObject([{ action: "created", entityType: "campaign", actor: { id: team.marketer.id } }]);
    expect(entries[0]!.after).toMatchObject({ name: "Spring webinar", status: "draft" });
  });

  test("create: dates out of order and an owner from elsewhere are refused field by field, and nothing is written", async ({ db }) => {
    const team = await createTeam(db);
    const other = await createTeam(db);
    const marketer = await callerFor(db, team.marketer);
    const before = await snapshotDatabase(db);

    const endFirst = await callError(marketer.campaign.create({ ...webinar(team.marketer.id), endDate: "2027-02-01" }));
    expect(endFirst.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(endFirst)).toMatchObject({ endDate: ["The end date can't be before the start date"] });

    const lateLaunch = await callError(marketer.campaign.create({ ...webinar(team.marketer.id), launchDate: "2027-04-02" }));
    expect(fieldErrorsOf(lateLaunch)).toMatchObject({ launchDate: ["The launch date must fall between the start and end dates"] });

    const stranger = await callError(marketer.campaign.create(webinar(other.admin.id)));
    expect(fieldErrorsOf(stranger)).toMatchObject({ ownerId: ["Choose an owner from this workspace's members"] });

    const badChannel = await callError(marketer.campaign.create({ ...webinar(team.marketer.id), channels: ["fax" as "email"] }));
    expect(badChannel.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(fieldErrorsOf(badChannel))).toContain("Choose a channel");

    const badMoney = await callError(marketer.campaign.create({ ...webinar(team.marketer.id), budgetAmount: "12.345", currency: "ABC" }));
    expect(fieldErrorsOf(badMoney)).toMatchObject({
      budgetAmount: ["Enter the budget as a number with at most two decimals, like 12500 or 99.50"],
      currency: ["Choose a currency by its three-letter code, like USD or EUR"],
    });

    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("update: changes only the fields sent, checks the dates against the stored ones, and records before and after", async ({ db }) => {
    const team = await createTeam(db);
    const marketer = await callerFor(db, team.marketer);
    const campaign = await marketer.campaign.create(webinar(team.marketer.id));

    const updated = await marketer.campaign.update({ campaignId: campaign.id, name: "Spring webinar series", audience: "Ops leaders" });
    expect(updated).toMatchObject({ name: "Spring webinar series", audience: "Ops leaders", goal: "Fill the pipeline for Q2", channels: ["email", "linkedin"] });

    const error = await callError(marketer.campaign.update({ campaignId: campaign.id, endDate: "2027-03-10" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(error)).toMatchObject({ launchDate: ["The launch date must fall between the start and end dates"] });

    const { entries } = await marketer.campaign.activity({ campaignId: campaign.id });
    expect(entries.map((entry) => entry.action)).toEqual(["updated", "created"]);
    expect(entries[0]).toEqual(expect.objectContaining({
      before: { name: "Spring webinar", audience: "Operations leads" },
      after: { name: "Spring webinar series", audience: "Ops leaders" },
    }));
  });

  test("setStatus: the machine is enforced with a message naming the allowed moves; approving takes a manager", async ({ db }) => {
    const team = await createTeam(db);
    const marketer = await callerFor(db, team.marketer);
    const manager = await callerFor(db, team.manager);
    const { id: campaignId } = await marketer.campaign.create(webinar(team.marketer.id));

    const jump = await callError(marketer.campaign.setStatus({ campaignId, status: "active" }));
    expect(jump.code).toBe("CONFLICT");
    expect(jump.message).toBe("A campaign can't go from “Draft” to “Active”. From “Draft” it can move to “Planned”, “Cancelled” or “Archived”.");

    await marketer.campaign.setStatus({ campaignId, status: "planned" });
    await marketer.campaign.setStatus({ campaignId, status: "in_review" });
    expect((await marketer.campaign.get({ campaignId })).allowedStatuses).toEqual(["planned", "cancelled"]);
    expect((await manager.campaign.get({ campaignId })).allowedStatuses).toEqual(["approved", "planned", "cancelled"]);
    const approveAsMarketer = await callError(marketer.campaign.setStatus({ campaignId, status: "approved" }));
    expect(approveAsMarketer.code).toBe("FORBIDDEN");
    expect(approveAsMarketer.message).toBe("Only managers and admins can approve a campaign.");

    await manager.campaign.setStatus({ campaignId, status: "approved" });
    await marketer.campaign.setStatus({ campaignId, status: "active" });
    await marketer.campaign.setStatus({ campaignId, status: "paused" });
    await marketer.campaign.setStatus({ campaignId, status: "active" });
    const done = await marketer.campaign.setStatus({ campaignId, status: "completed" });
    expect(done.status).toBe("completed");
    const statusChanges = await db.select().from(auditLog).where(and(eq(auditLog.entityId, campaignId), eq(auditLog.action, "status_changed")));
    expect(statusChanges).toHaveLength(7);
  });

  test("archive and restore: an archived campaign is read-only and hidden from the list until restored to where it was", async ({ db }) => {
    const team = await createTeam(db);
    const marketer = await callerFor(db, team.marketer);
    const { id: campaignId } = await marketer.campaign.create(webinar(team.marketer.id));
    await marketer.campaign.setStatus({ campaignId, status: "planned" });

    await marketer.campaign.setStatus({ campaignId, status: "archived" });
    expect((await marketer.campaign.list({})).total).toBe(0);
    expect((await marketer.campaign.list({ statuses: ["archived"] })).campaigns.map((c) => c.id)).toEqual([campaignId]);
    const edit = await callError(marketer.campaign.update({ campaignId, name: "Nope" }));
    expect(edit.message).toBe("This campaign is archived. Restore it to make changes.");

    const restored = await marketer.campaign.restore({ campaignId });
    expect(restored).toMatchObject({ status: "planned", statusBeforeArchive: null });
    const again = await callError(marketer.campaign.restore({ campaignId }));
    expect(again.message).toBe("Only archived campaigns can be restored; this one is planned.");
  });

  test("delete: a marketer deletes their own campaign but not someone else's; a manager deletes any; the history stays", async ({ db }) => {
    const team = await createTeam(db);
    const marketer = await callerFor(db, team.marketer);
    const own = await marketer.campaign.create(webinar(team.marketer.id));
    const managers = await marketer.campaign.create(webinar(team.manager.id));

    const refused = await callError(marketer.campaign.delete({ campaignId: managers.id }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toBe("Only the campaign's owner, a manager or an admin can delete it.");

    await marketer.campaign.delete({ campaignId: own.id });
    await (await callerFor(db, team.manager)).campaign.delete({ campaignId: managers.id });
    expect(await db.select().from(campaigns)).toEqual([]);
    const deletions = await db.select().from(auditLog).where(eq(auditLog.action, "deleted"));
    expect(deletions.map((entry) => entry.before?.name)).toEqual(["Spring webinar", "Spring webinar"]);
  });

  test("list: search, filters, sorting and pages, within the workspace only", async ({ db }) => {
    const team = await createTeam(db);
    const other = await createTeam(db);
    const base = { workspaceId: team.workspace.id, ownerId: team.marketer.id };
    await createCampaign(db, { ...base, name: "Autumn launch", type: "product_launch", status: "active", channels: ["x"], startDate: "2027-09-01", launchDate: "2027-09-10", endDate: "2027-09-30" });
    await createCampaign(db, { ...base, name: "50% off_sale", type: "paid_ads", status: "planned", channels: ["ad"], startDate: "2027-10-01", launchDate: "2027-10-02", endDate: "2027-10-15" });
    await createCampaign(db, { ...base, ownerId: team.manager.id, name: "Newsletter #12", type: "newsletter", status: "draft", channels: ["email"], startDate: "2027-08-01", launchDate: "2027-08-05", endDate: "2027-08-06" });
    await createCampaign(db, { workspaceId: other.workspace.id, ownerId: other.marketer.id, name: "Autumn launch elsewhere" });
    const viewer = await callerFor(db, team.viewer);
    const names = async (input: Parameters<typeof viewer.campaign.list>[0]) => (await viewer.campaign.list(input)).campaigns.map((c) => c.name);

    expect(await names({ search: "autumn" })).toEqual(["Autumn launch"]);
    expect(await names({ search: "50%" })).toEqual(["50% off_sale"]);
    expect(await names({ search: "_" })).toEqual(["50% off_sale"]);
    expect(await names({ statuses: ["active", "draft"], sort: "name" })).toEqual(["Autumn launch", "Newsletter #12"]);
    expect(await names({ types: ["paid_ads"] })).toEqual(["50% off_sale"]);
    expect(await names({ ownerId: team.manager.id })).toEqual(["Newsletter #12"]);
    expect(await names({ channel: "x" })).toEqual(["Autumn launch"]);
    expect(await names({ from: "2027-09-20", to: "2027-10-01", sort: "start" })).toEqual(["Autumn launch", "50% off_sale"]);

    const page2 = await viewer.campaign.list({ sort: "start", page: 2, pageSize: 2 });
    expect(page2).toMatchObject({ total: 3, page: 2, pageCount: 2 });
    expect(page2.campaigns.map((c) => c.name)).toEqual(["50% off_sale"]);
    expect(page2.campaigns[0]!.owner.name).toBe(team.marketer.name);
    expect(page2.campaigns[0]).not.toHaveProperty("total");
    // Past the last page there is no row to carry the total; it is still counted.
    expect(await viewer.campaign.list({ sort: "start", page: 5, pageSize: 2 })).toMatchObject({ campaigns: [], total: 3, pageCount: 2 });
    expect(await viewer.campaign.list({ search: "nothing like this" })).toMatchObject({ campaigns: [], total: 0, pageCount: 1 });

    const backwards = await callError(viewer.campaign.list({ from: "2027-10-01", to: "2027-09-01" }));
    expect(fieldErrorsOf(backwards)).toMatchObject({ to: ["The last day can't be before the first day"] });
  });

  test("a viewer changes nothing; a campaign of another workspace is NOT_FOUND", async ({ db }) => {
    const team = await createTeam(db);
    const other = await createTeam(db);
    const elsewhere = await createCampaign(db, { workspaceId: other.workspace.id, ownerId: other.admin.id, startDate: dayFromToday(0), launchDate: dayFromToday(1), endDate: dayFromToday(2) });

    const viewerCreate = await callError((await callerFor(db, team.viewer)).campaign.create(webinar(team.viewer.id)));
    expect(viewerCreate.code).toBe("FORBIDDEN");
    const notHere = await callError((await callerFor(db, team.admin)).campaign.get({ campaignId: elsewhere.id }));
    expect(notHere.code).toBe("NOT_FOUND");
  });
});
