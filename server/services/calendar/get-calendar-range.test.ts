import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db";
import { createCampaign, createContentItem, createMilestone, createTeam } from "@/db/factories";
import { blackoutDates, contentItems, workspaces } from "@/db/schema";
import { test } from "@/db/test-db";
import { MAX_SPANS } from "./calendar-limits";
import { type CalendarRangeParams, getCalendarRange } from "./get-calendar-range";

const march = { from: "2026-03-01", to: "2026-03-31", timeZone: "UTC" };

async function plannedTeam(db: Database) {
  const team = await createTeam(db, { name: "Alpha Agency" });
  const workspaceId = team.workspace.id;
  const launch = await createCampaign(db, {
    workspaceId,
    ownerId: team.marketer.id,
    name: "Spring launch",
    status: "planned",
    startDate: "2026-03-02",
    launchDate: "2026-03-16",
    endDate: "2026-03-27",
    channels: ["linkedin", "email"],
    audience: "Existing customers",
  });
  const webinar = await createCampaign(db, {
    workspaceId,
    ownerId: team.manager.id,
    name: "April webinar",
    type: "webinar",
    status: "active",
    startDate: "2026-03-20",
    launchDate: "2026-04-08",
    endDate: "2026-04-20",
    channels: ["email"],
    audience: "Prospects",
  });
  const brief = await createMilestone(db, { workspaceId, campaignId: launch.id, name: "Brief signed off", dueDate: "2026-03-04" });
  const teaser = await createContentItem(db, {
    workspaceId,
    campaignId: launch.id,
    channel: "linkedin",
    title: "Teaser post",
    scheduledAt: new Date("2026-03-10T09:00:00Z"),
  });
  const invite = await createContentItem(db, {
    workspaceId,
    campaignId: webinar.id,
    channel: "email",
    title: "Webinar invitation",
    scheduledAt: new Date("2026-03-24T08:00:00Z"),
  });
  return { team, workspaceId, launch, webinar, brief, teaser, invite };
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

describe("getCalendarRange", () => {
  test("returns the campaigns, milestones and scheduled items of the range, and nothing of another workspace", async ({ db }) => {
    const { workspaceId, team, launch, webinar, brief, teaser, invite } = await plannedTeam(db);
    // Outside the range, unscheduled, archived, or another workspace's: none of these show.
    await createCampaign(db, { workspaceId, ownerId: team.marketer.id, startDate: "2026-05-01", launchDate: "2026-05-10", endDate: "2026-05-20" });
    await createCampaign(db, { workspaceId, ownerId: team.marketer.id, status: "archived", startDate: "2026-03-01", launchDate: "2026-03-02", endDate: "2026-03-03" });
    await createMilestone(db, { workspaceId, campaignId: launch.id, dueDate: "2026-04-02" });
    await createContentItem(db, { workspaceId, campaignId: launch.id, scheduledAt: null });
    await createContentItem(db, { workspaceId, campaignId: launch.id, scheduledAt: new Date("2026-04-01T00:00:00Z") });
    const other = await plannedTeam(db);
    // The teaser is approved at its current version; the calendar marks it so.
    await db.update(contentItems).set({ approvalStatus: "approved", approvedVersion: 1 }).where(eq(contentItems.id, teaser.id));

    const range = await getCalendarRange(db, { workspaceId, ...march });

    expect(ids(range.campaigns)).toEqual([launch.id, webinar.id]);
    expect(range.campaigns[0]).toEqual({
      id: launch.id,
      name: "Spring launch",
      type: "product_launch",
      status: "planned",
      startDate: "2026-03-02",
      launchDate: "2026-03-16",
      endDate: "2026-03-27",
      owner: { id: team.marketer.id, name: team.marketer.name },
    });
    expect(range.milestones).toEqual([
      { id: brief.id, campaignId: launch.id, name: "Brief signed off", dueDate: "2026-03-04", completed: false, campaignName: "Spring launch", ownerName: team.marketer.name },
    ]);
    expect(range.contentItems).toEqual([
      { id: teaser.id, campaignId: launch.id, channel: "linkedin", title: "Teaser post", approved: true, scheduledAt: new Date("2026-03-10T09:00:00Z") },
      { id: invite.id, campaignId: webinar.id, channel: "email", title: "Webinar invitation", approved: false, scheduledAt: new Date("2026-03-24T08:00:00Z") },
    ]);
    // The month's summary (a few things a day) says the same.
    expect((await getCalendarRange(db, { workspaceId, ...march, perDay: 3 })).contentItems.map((item) => item.approved)).toEqual([true, false]);
    expect(JSON.stringify(range)).not.toContain(other.launch.id);
    expect(JSON.stringify(range)).not.toContain(other.teaser.id);
    expect(range.conflicts).toEqual([]);
  });

  test("filters by campaign, channel, owner and status", async ({ db }) => {
    const { workspaceId, team, launch, webinar, brief, teaser, invite } = await plannedTeam(db);

    const byCampaign = await getCalendarRange(db, { workspaceId, ...march, campaignIds: [webinar.id] });
    expect([ids(byCampaign.campaigns), ids(byCampaign.milestones), ids(byCampaign.contentItems)]).toEqual([[webinar.id], [], [invite.id]]);

    // A channel keeps the items on it, and the campaigns (with their milestones) that use it.
    const byChannel = await getCalendarRange(db, { workspaceId, ...march, channels: ["linkedin"] });
    expect([ids(byChannel.campaigns), ids(byChannel.milestones), ids(byChannel.contentItems)]).toEqual([[launch.id], [brief.id], [teaser.id]]);

    const byOwner = await getCalendarRange(db, { workspaceId, ...march, ownerId: team.manager.id });
    expect([ids(byOwner.campaigns), ids(byOwner.milestones), ids(byOwner.contentItems)]).toEqual([[webinar.id], [], [invite.id]]);

    const byStatus = await getCalendarRange(db, { workspaceId, ...march, statuses: ["planned"] });
    expect([ids(byStatus.campaigns), ids(byStatus.milestones), ids(byStatus.contentItems)]).toEqual([[launch.id], [brief.id], [teaser.id]]);
  });

  test("finds the campaigns running in the range however long they run", async ({ db }) => {
    const { workspaceId, team, launch, webinar } = await plannedTeam(db);
    const ownerId = team.marketer.id;
    // Began two years before the range (the workspace's longest campaign), still running; and one that ended the day before the range.
    const always = await createCampaign(db, { workspaceId, ownerId, name: "Always on", audience: "Existing customers", startDate: "2024-03-01", launchDate: "2024-03-02", endDate: "2026-12-31" });
    await createCampaign(db, { workspaceId, ownerId, audience: "", startDate: "2024-02-01", launchDate: "2024-02-02", endDate: "2026-02-28" });
    await createCampaign(db, { workspaceId, ownerId, audience: "", startDate: "2026-04-01", launchDate: "2026-04-02", endDate: "2026-04-03" });

    const range = await getCalendarRange(db, { workspaceId, ...march });
    expect(ids(range.campaigns)).toEqual([always.id, launch.id, webinar.id]);
    // The long campaign overlaps the launch campaign's audience too.
    expect(range.conflicts.map((conflict) => conflict.ids)).toEqual([[always.id, launch.id]]);
  });

  test("decides which conflicts are on screen from every filter, in a summary seen from another time zone", async ({ db }) => {
    const { workspaceId, team, launch, webinar, brief, teaser } = await plannedTeam(db);
    await db.update(workspaces).set({ channelDailyLimit: 1 }).where(eq(workspaces.id, workspaceId));
    // Three conflicts: the launch campaign's two LinkedIn posts on the 10th; its milestone on a blackout day;
    // and a manager's draft on X for the launch campaign's audience.
    const second = await createContentItem(db, { workspaceId, campaignId: launch.id, channel: "linkedin", scheduledAt: new Date("2026-03-10T15:00:00Z") });
    await db.insert(blackoutDates).values({ workspaceId, startDate: "2026-03-04", endDate: "2026-03-04", reason: "Board meeting" });
    const loyalty = await createCampaign(db, {
      workspaceId,
      ownerId: team.manager.id,
      name: "Loyalty push",
      status: "draft",
      channels: ["x"],
      audience: "Existing customers",
      startDate: "2026-03-20",
      launchDate: "2026-03-25",
      endDate: "2026-04-10",
    });
    const everything = await getCalendarRange(db, { workspaceId, ...march });
    expect(everything.conflicts.map((conflict) => [conflict.kind, conflict.ids])).toEqual([
      ["blackout", [brief.id]],
      ["channel_limit", [teaser.id, second.id]],
      ["audience_overlap", [launch.id, loyalty.id]],
    ]);

    const inNewYork = { ...march, timeZone: "America/New_York" };
    const shown = async (filters: Partial<CalendarRangeParams>) => {
      const kinds = [];
      for (const perDay of [undefined, 1]) {
        const range = await getCalendarRange(db, { workspaceId, ...inNewYork, perDay, ...filters });
        kinds.push(range.conflicts.map((conflict) => conflict.kind).sort());
      }
      expect(kinds[1]).toEqual(kinds[0]);
      return kinds[0];
    };
    expect(await shown({})).toEqual(["audience_overlap", "blackout", "channel_limit"]);
    // The manager's campaigns: the draft, so its overlap; not the launch campaign's milestone or posts.
    expect(await shown({ ownerId: team.manager.id })).toEqual(["audience_overlap"]);
    expect(await shown({ statuses: ["draft"] })).toEqual(["audience_overlap"]);
    expect(await shown({ campaignIds: [webinar.id] })).toEqual([]);
    // A channel keeps the items on it, and the campaigns (with their milestones) that use it.
    expect(await shown({ channels: ["x"] })).toEqual(["audience_overlap"]);
    expect(await shown({ channels: ["linkedin"] })).toEqual(["audience_overlap", "blackout", "channel_limit"]);
    expect(await shown({ statuses: ["planned"], channels: ["email"] })).toEqual(["audience_overlap", "blackout"]);
    // Seen from Tokyo, the posts of the 10th are still on the 10th; the last day in Honolulu ends after the month, which changes nothing.
    expect(await shown({ channels: ["linkedin"], timeZone: "Asia/Tokyo" })).toEqual(["audience_overlap", "blackout", "channel_limit"]);
    expect(await shown({ channels: ["linkedin"], timeZone: "Pacific/Honolulu" })).toEqual(["audience_overlap", "blackout", "channel_limit"]);
  });

  test("takes the range's days in the viewer's time zone", async ({ db }) => {
    const { workspaceId, launch } = await plannedTeam(db);
    // 23:30 UTC on the 11th is already the 12th in Berlin.
    const late = await createContentItem(db, { workspaceId, campaignId: launch.id, scheduledAt: new Date("2026-03-11T23:30:00Z") });

    const inBerlin = await getCalendarRange(db, { workspaceId, from: "2026-03-12", to: "2026-03-12", timeZone: "Europe/Berlin" });
    expect(ids(inBerlin.contentItems)).toEqual([late.id]);
    const inUtc = await getCalendarRange(db, { workspaceId, from: "2026-03-12", to: "2026-03-12", timeZone: "UTC" });
    expect(ids(inUtc.contentItems)).toEqual([]);
  });

  test("warns about more items on one channel in one day than the limit, the day taken in the workspace's time zone", async ({ db }) => {
    const { workspaceId, launch, teaser } = await plannedTeam(db);
    await db.update(workspaces).set({ timeZone: "America/New_York", channelDailyLimit: 1 }).where(eq(workspaces.id, workspaceId));
    // 03:00 UTC on the 11th is 23:00 on the 10th in New York: the same day as the teaser there.
    const late = await createContentItem(db, { workspaceId, campaignId: launch.id, channel: "linkedin", title: "Late post", scheduledAt: new Date("2026-03-11T03:00:00Z") });
    // Another channel the same day, and a cancelled campaign's item, do not count.
    await createContentItem(db, { workspaceId, campaignId: launch.id, channel: "email", scheduledAt: new Date("2026-03-10T12:00:00Z") });
    const cancelled = await createCampaign(db, { workspaceId, ownerId: launch.ownerId, status: "cancelled", audience: "" });
    await createContentItem(db, { workspaceId, campaignId: cancelled.id, channel: "linkedin", scheduledAt: new Date("2026-03-10T15:00:00Z") });

    const range = await getCalendarRange(db, { workspaceId, ...march });
    expect(range.conflicts).toEqual([{ kind: "channel_limit", day: "2026-03-10", ids: [teaser.id, late.id], message: "2 LinkedIn posts on Tue 10 Mar; the limit is 1." }]);

    // In UTC the two fall on different days: no conflict.
    await db.update(workspaces).set({ timeZone: "UTC" }).where(eq(workspaces.id, workspaceId));
    expect((await getCalendarRange(db, { workspaceId, ...march })).conflicts).toEqual([]);
  });

  test("lists a day's warnings of one kind by channel, and a blackout's things of one name by id", async ({ db }) => {
    const { workspaceId, launch } = await plannedTeam(db);
    await db.update(workspaces).set({ channelDailyLimit: 1 }).where(eq(workspaces.id, workspaceId));
    for (const channel of ["x", "linkedin", "email", "x", "email"] as const) {
      await createContentItem(db, { workspaceId, campaignId: launch.id, channel, scheduledAt: new Date("2026-03-12T10:00:00Z") });
    }
    await db.insert(blackoutDates).values({ workspaceId, startDate: "2026-03-05", endDate: "2026-03-05", reason: "" });
    const same = [];
    for (let i = 0; i < 3; i++) same.push(await createMilestone(db, { workspaceId, campaignId: launch.id, name: "Review", dueDate: "2026-03-05" }));

    const range = await getCalendarRange(db, { workspaceId, ...march });
    expect(range.conflicts.filter((conflict) => conflict.day === "2026-03-12").map((conflict) => conflict.message)).toEqual([
      "2 emails on Thu 12 Mar; the limit is 1.",
      "2 X posts on Thu 12 Mar; the limit is 1.",
    ]);
    expect(range.conflicts.find((conflict) => conflict.kind === "blackout")!.ids).toEqual(ids(same).sort());
  });

  test("warns about live campaigns for the same audience whose dates overlap", async ({ db }) => {
    const { workspaceId, team, launch } = await plannedTeam(db);
    const ownerId = team.marketer.id;
    const spaced = await createCampaign(db, { workspaceId, ownerId, name: "Loyalty push", status: "draft", audience: "  existing   CUSTOMERS ", startDate: "2026-03-20", launchDate: "2026-03-25", endDate: "2026-04-10" });
    // Same audience but after the launch campaign ends; finished or cancelled; no audience at all: none of these overlap.
    await createCampaign(db, { workspaceId, ownerId, audience: "Existing customers", startDate: "2026-04-15", launchDate: "2026-04-16", endDate: "2026-04-20" });
    await createCampaign(db, { workspaceId, ownerId, status: "completed", audience: "Existing customers", startDate: "2026-03-01", launchDate: "2026-03-05", endDate: "2026-03-30" });
    await createCampaign(db, { workspaceId, ownerId, status: "cancelled", audience: "Existing customers", startDate: "2026-03-01", launchDate: "2026-03-05", endDate: "2026-03-30" });
    await createCampaign(db, { workspaceId, ownerId, audience: " ", startDate: "2026-03-01", launchDate: "2026-03-05", endDate: "2026-03-30" });
    await createCampaign(db, { workspaceId, ownerId, audience: " ", startDate: "2026-03-01", launchDate: "2026-03-05", endDate: "2026-03-30" });

    const range = await getCalendarRange(db, { workspaceId, ...march });
    expect(range.conflicts).toEqual([
      {
        kind: "audience_overlap",
        ids: [launch.id, spaced.id],
        message: "“Spring launch” and “Loyalty push” both reach “Existing customers” from Fri 20 Mar to Fri 27 Mar.",
      },
    ]);

    // A third campaign overlapping either joins the same warning.
    const third = await createCampaign(db, { workspaceId, ownerId, name: "Referral drive", audience: "existing customers", startDate: "2026-03-25", launchDate: "2026-03-26", endDate: "2026-03-28" });
    const [conflict] = (await getCalendarRange(db, { workspaceId, ...march })).conflicts;
    expect(conflict).toEqual({
      kind: "audience_overlap",
      ids: [launch.id, spaced.id, third.id],
      message: "3 campaigns reach “Existing customers” at the same time: “Spring launch”, “Loyalty push” and “Referral drive”.",
    });
  });

  test("warns about content, milestones and launches on a blackout day", async ({ db }) => {
    const { workspaceId, launch, teaser } = await plannedTeam(db);
    await db.insert(blackoutDates).values([
      { workspaceId, startDate: "2026-03-09", endDate: "2026-03-10", reason: "Company offsite" },
      { workspaceId, startDate: "2026-03-16", endDate: "2026-03-16", reason: "Quiet period" },
      // Nothing planned on this one: no warning.
      { workspaceId, startDate: "2026-03-30", endDate: "2026-03-30", reason: "Holiday" },
    ]);
    const prep = await createMilestone(db, { workspaceId, campaignId: launch.id, name: "Press kit ready", dueDate: "2026-03-10" });

    const range = await getCalendarRange(db, { workspaceId, ...march });
    expect(range.blackouts.map((blackout) => blackout.reason)).toEqual(["Company offsite", "Quiet period", "Holiday"]);
    expect(range.conflicts).toEqual([
      {
        kind: "blackout",
        day: "2026-03-10",
        ids: [teaser.id, prep.id],
        message: "Tue 10 Mar is a blackout day (Company offsite), but “Teaser post” and milestone “Press kit ready” are planned on it.",
      },
      {
        kind: "blackout",
        day: "2026-03-16",
        ids: [launch.id],
        message: "Mon 16 Mar is a blackout day (Quiet period), but the launch of “Spring launch” is planned on it.",
      },
    ]);
  });

  test("shows a conflict only when something it involves is shown", async ({ db }) => {
    const { workspaceId, launch, webinar } = await plannedTeam(db);
    await db.update(workspaces).set({ channelDailyLimit: 1 }).where(eq(workspaces.id, workspaceId));
    await createContentItem(db, { workspaceId, campaignId: launch.id, channel: "linkedin", scheduledAt: new Date("2026-03-10T15:00:00Z") });

    expect((await getCalendarRange(db, { workspaceId, ...march, channels: ["linkedin"] })).conflicts).toHaveLength(1);
    expect((await getCalendarRange(db, { workspaceId, ...march, channels: ["email"] })).conflicts).toEqual([]);
    expect((await getCalendarRange(db, { workspaceId, ...march, campaignIds: [webinar.id] })).conflicts).toEqual([]);

    // The same in the month's summary, where the day shows one thing and the conflict's other post is behind "+1 more".
    const summary = { ...march, perDay: 1 };
    expect((await getCalendarRange(db, { workspaceId, ...summary, channels: ["linkedin"] })).conflicts).toHaveLength(1);
    expect((await getCalendarRange(db, { workspaceId, ...summary, channels: ["email"] })).conflicts).toEqual([]);
    expect((await getCalendarRange(db, { workspaceId, ...summary, campaignIds: [webinar.id] })).conflicts).toEqual([]);
    // Two posts late on the 20th (the workspace plans in UTC) are on the 21st in Tokyo, after an email at half past midnight there.
    await createContentItem(db, { workspaceId, campaignId: launch.id, channel: "email", scheduledAt: new Date("2026-03-20T15:30:00Z") });
    for (const at of ["2026-03-20T16:00:00Z", "2026-03-20T17:00:00Z"]) await createContentItem(db, { workspaceId, campaignId: launch.id, channel: "linkedin", scheduledAt: new Date(at) });
    const inTokyo = { timeZone: "Asia/Tokyo", perDay: 1 };
    // The 20th alone, in Tokyo, holds none of them: their conflict is not shown.
    expect((await getCalendarRange(db, { workspaceId, from: "2026-03-20", to: "2026-03-20", ...inTokyo })).conflicts).toEqual([]);
    // With the 21st, they are in the range, though behind "+2 more": it is.
    const tokyo = await getCalendarRange(db, { workspaceId, from: "2026-03-20", to: "2026-03-21", ...inTokyo });
    expect([tokyo.contentItems.length, tokyo.more, tokyo.conflicts.map((conflict) => conflict.day)]).toEqual([1, [{ day: "2026-03-21", count: 2 }], ["2026-03-20"]]);
  });

  test("summarises a month: a few things a day, milestones and content in turn by time, and how many more", async ({ db }) => {
    const { workspaceId, launch, brief, teaser } = await plannedTeam(db);
    const late = await createMilestone(db, { workspaceId, campaignId: launch.id, name: "Copy approved", dueDate: "2026-03-10" });
    const early = await createContentItem(db, { workspaceId, campaignId: launch.id, channel: "email", title: "Early mail", scheduledAt: new Date("2026-03-10T07:00:00Z") });
    await createContentItem(db, { workspaceId, campaignId: launch.id, channel: "x", title: "Evening post", scheduledAt: new Date("2026-03-10T18:00:00Z") });

    const range = await getCalendarRange(db, { workspaceId, ...march, perDay: 3 });
    // On the 10th: the milestone, then the two earliest items; the evening post is one more.
    expect(ids(range.milestones)).toEqual([brief.id, late.id]);
    expect(ids(range.contentItems)).toEqual([early.id, teaser.id, range.contentItems[2]!.id]);
    expect(range.contentItems.filter((item) => item.scheduledAt.toISOString().startsWith("2026-03-10"))).toHaveLength(2);
    expect(range.more).toEqual([{ day: "2026-03-10", count: 1 }]);
    // Conflicts keep their day and words, not the ids of everything involved.
    await db.update(workspaces).set({ channelDailyLimit: 1 }).where(eq(workspaces.id, workspaceId));
    await createContentItem(db, { workspaceId, campaignId: launch.id, channel: "linkedin", scheduledAt: new Date("2026-03-10T12:00:00Z") });
    expect((await getCalendarRange(db, { workspaceId, ...march, perDay: 3 })).conflicts).toEqual([
      { kind: "channel_limit", day: "2026-03-10", message: "2 LinkedIn posts on Tue 10 Mar; the limit is 1." },
    ]);
    // Two campaigns are drawn as spans, whatever their launch days.
    expect(range.spans).toBe(true);
    expect(range.campaigns).toHaveLength(2);

    // The whole range, for the week and list views, holds everything.
    const whole = await getCalendarRange(db, { workspaceId, ...march });
    expect([whole.contentItems.length, whole.more, whole.spans]).toEqual([5, undefined, undefined]);
  });

  test("summarises a busy month's campaigns by their launch days, within each day's budget", async ({ db }) => {
    const { workspaceId, team, launch, brief } = await plannedTeam(db);
    const ownerId = team.marketer.id;
    const crowd = [];
    for (let i = 0; i < MAX_SPANS; i++) {
      crowd.push(await createCampaign(db, { workspaceId, ownerId, name: `Crowd ${i}`, startDate: "2026-03-01", launchDate: "2026-03-04", endDate: "2026-03-31" }));
    }

    // Running through March from before it, launching after it: the first campaign of the range by start, and not shown.
    const longRun = await createCampaign(db, { workspaceId, ownerId, name: "Long run", startDate: "2026-02-01", launchDate: "2026-04-20", endDate: "2026-04-30" });

    const range = await getCalendarRange(db, { workspaceId, ...march, perDay: 2 });
    expect(range.spans).toBe(false);
    expect(ids(range.campaigns)).not.toContain(longRun.id);
    // The 4th: the first launch and the milestone; the other launches are more. The 16th: the launch campaign.
    expect(ids(range.milestones)).toEqual([brief.id]);
    expect(range.campaigns.map((campaign) => campaign.launchDate)).toEqual(["2026-03-04", "2026-03-16"]);
    expect(crowd.map((campaign) => campaign.id)).toContain(range.campaigns[0]!.id);
    expect(range.campaigns[1]).toMatchObject({ id: launch.id, name: "Spring launch", status: "planned", owner: { id: ownerId, name: team.marketer.name } });
    // The webinar launches in April: it is in none of March's days, though it runs in March.
    expect(range.more).toEqual([{ day: "2026-03-04", count: MAX_SPANS - 1 }]);
  });
});
