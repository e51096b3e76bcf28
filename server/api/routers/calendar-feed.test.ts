import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { createCampaign, createContentItem, createMilestone, createTeam, dayFromToday } from "@/db/factories";
import { calendarFeeds, memberships } from "@/db/schema";
import { test } from "@/db/test-db";
import { callError, callerFor } from "@/server/api/test-caller";
import { appUrl } from "@/server/env";
import { renderCalendarFeed } from "@/server/services/calendar-feeds/render-calendar-feed";

const host = new URL(appUrl()).hostname;
const tokenOf = (url: string) => /\/api\/calendar\/([^/]+)\.ics$/.exec(url)![1]!;

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
}

describe("calendarFeed router", () => {
  test("a viewer creates a private link, sees it again, rotates it and revokes it", async ({ db }) => {
    const team = await createTeam(db);
    const viewer = await callerFor(db, team.viewer);

    expect(await viewer.calendarFeed.get()).toBeNull();
    const created = await viewer.calendarFeed.create();
    expect(created.url).toMatch(new RegExp(`^${appUrl()}/api/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    // Only a hash of the token is stored; the URL is rebuilt from the nonce.
    const [stored] = await db.select().from(calendarFeeds);
    expect(JSON.stringify(stored)).not.toContain(tokenOf(created.url));
    expect((await viewer.calendarFeed.get())?.url).toBe(created.url);

    const rotated = await viewer.calendarFeed.create();
    expect(rotated.url).not.toBe(created.url);
    expect(await renderCalendarFeed(db, { token: tokenOf(created.url) })).toBeNull();
    expect(await renderCalendarFeed(db, { token: tokenOf(rotated.url) })).toContain("BEGIN:VCALENDAR");

    // Each person has their own link.
    expect(await (await callerFor(db, team.admin)).calendarFeed.get()).toBeNull();

    expect(await viewer.calendarFeed.revoke()).toEqual({ revoked: true });
    expect(await viewer.calendarFeed.get()).toBeNull();
    expect(await renderCalendarFeed(db, { token: tokenOf(rotated.url) })).toBeNull();
    expect(await viewer.calendarFeed.revoke()).toEqual({ revoked: false });
  });

  test("the feed lists the workspace's campaigns and milestones as all-day events and content at its UTC time", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha Agency" });
    const workspaceId = team.workspace.id;
    const campaign = await createCampaign(db, {
      workspaceId,
      ownerId: team.marketer.id,
      name: "Spring launch; phase 1, EU",
      startDate: dayFromToday(-5),
      launchDate: dayFromToday(3),
      endDate: dayFromToday(20),
    });
    const milestone = await createMilestone(db, { workspaceId, campaignId: campaign.id, name: "Creative ready", dueDate: dayFromToday(2) });
    const scheduledAt = new Date(`${dayFromToday(4)}T21:45:00Z`);
    const longTitle = `Teaser post — ${"a rather long title ".repeat(6)}ü`;
    const item = await createContentItem(db, { workspaceId, campaignId: campaign.id, channel: "linkedin", title: longTitle, scheduledAt });
    // Left out: unscheduled, too far ahead, cancelled, and another workspace's.
    await createContentItem(db, { workspaceId, campaignId: campaign.id, scheduledAt: null });
    await createContentItem(db, { workspaceId, campaignId: campaign.id, title: "Next year", scheduledAt: new Date(`${dayFromToday(400)}T09:00:00Z`) });
    await createCampaign(db, { workspaceId, ownerId: team.marketer.id, name: "Called off", status: "cancelled" });
    const other = await createTeam(db);
    await createCampaign(db, { workspaceId: other.workspace.id, ownerId: other.marketer.id, name: "Beta secret" });

    const { url } = await (await callerFor(db, team.marketer)).calendarFeed.create();
    const text = (await renderCalendarFeed(db, { token: tokenOf(url) }))!;

    // Content lines end in CRLF and are folded at 75 octets.
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

    const events = parse(text);
    expect(events.map((event) => event.summary).sort()).toEqual(
      ["Creative ready (Spring launch; phase 1, EU)", `LinkedIn: ${longTitle}`, "Spring launch; phase 1, EU"].sort(),
    );
    const span = events.find((event) => event.uid.startsWith("campaign-"))!;
    expect(span.uid).toBe(`campaign-${campaign.id}@${host}`);
    expect(span.startDate.isDate).toBe(true);
    expect(span.startDate.toString()).toBe(dayFromToday(-5));
    // DTEND of an all-day event is the day after the last one.
    expect(span.endDate.toString()).toBe(dayFromToday(21));

    const due = events.find((event) => event.uid === `milestone-${milestone.id}@${host}`)!;
    expect([due.startDate.isDate, due.startDate.toString(), due.endDate.toString()]).toEqual([true, dayFromToday(2), dayFromToday(3)]);

    const post = events.find((event) => event.uid === `content-${item.id}@${host}`)!;
    expect(post.startDate.isDate).toBe(false);
    expect(post.startDate.toJSDate().toISOString()).toBe(scheduledAt.toISOString());
    expect(post.startDate.zone.tzid).toBe("UTC");
    expect(post.endDate.toJSDate().getTime() - scheduledAt.getTime()).toBe(30 * 60_000);

    const [feed] = await db.select().from(calendarFeeds);
    expect(feed!.lastFetchedAt).not.toBeNull();
  });

  test("a feed stops working when its owner leaves the workspace", async ({ db }) => {
    const team = await createTeam(db);
    const { url } = await (await callerFor(db, team.viewer)).calendarFeed.create();
    await db.delete(memberships).where(eq(memberships.userId, team.viewer.id));
    expect(await renderCalendarFeed(db, { token: tokenOf(url) })).toBeNull();
    expect(await renderCalendarFeed(db, { token: "not-a-token" })).toBeNull();
  });
});

describe("calendar router", () => {
  test("refuses a range that is too long, reversed, or in an unknown time zone, by field", async ({ db }) => {
    const team = await createTeam(db);
    const caller = await callerFor(db, team.viewer);
    const tooLong = await callError(caller.calendar.range({ from: "2026-01-01", to: "2026-03-15", timeZone: "UTC" }));
    expect(tooLong.code).toBe("BAD_REQUEST");
    expect(tooLong.message).toContain("Show at most 62 days at a time");
    const reversed = await callError(caller.calendar.range({ from: "2026-03-15", to: "2026-03-01", timeZone: "UTC" }));
    expect(reversed.message).toContain("The last day can't be before the first day");
    const zone = await callError(caller.calendar.range({ from: "2026-03-01", to: "2026-03-31", timeZone: "Mars/Olympus" }));
    expect(zone.message).toContain("Choose a time zone by its name, like Europe/Berlin");

    const range = await caller.calendar.range({ from: "2026-03-01", to: "2026-04-30", timeZone: "Europe/Berlin" });
    expect(range).toEqual({ campaigns: [], milestones: [], contentItems: [], blackouts: [], conflicts: [] });
  });

  test("summarises a month for the month view, a few things a day, and refuses more than ten a day", async ({ db }) => {
    const team = await createTeam(db);
    const caller = await callerFor(db, team.viewer);
    const tooMany = await callError(caller.calendar.range({ from: "2026-03-01", to: "2026-03-31", timeZone: "UTC", perDay: 11 }));
    expect(tooMany.code).toBe("BAD_REQUEST");
    expect(tooMany.message).toContain("Show at most 10 things a day");

    const campaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.marketer.id, startDate: "2026-03-01", launchDate: "2026-03-10", endDate: "2026-03-31" });
    for (const hour of ["09", "10", "11"]) {
      await createContentItem(db, { workspaceId: team.workspace.id, campaignId: campaign.id, channel: "blog", scheduledAt: new Date(`2026-03-12T${hour}:00:00Z`) });
    }
    const range = await caller.calendar.range({ from: "2026-03-01", to: "2026-03-31", timeZone: "UTC", perDay: 2 });
    expect([range.contentItems.length, range.more, range.spans]).toEqual([2, [{ day: "2026-03-12", count: 1 }], true]);
  });
});
