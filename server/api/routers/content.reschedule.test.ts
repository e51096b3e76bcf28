import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { createCampaign, createContentItem, createTeam } from "@/db/factories";
import { auditLog } from "@/db/schema";
import { test } from "@/db/test-db";
import { snapshotDatabase } from "@/db/test-snapshot";
import type { Database } from "@/db";
import { callError, callerFor, fieldErrorsOf } from "@/server/api/test-caller";

/** A team whose marketer has a March 2026 campaign (both DST changes of the US and the EU inside it) with one item. */
async function marchCampaign(db: Database, status: "active" | "completed" | "cancelled" | "archived" = "active") {
  const team = await createTeam(db);
  const campaign = await createCampaign(db, {
    workspaceId: team.workspace.id,
    ownerId: team.marketer.id,
    status,
    startDate: "2026-03-01",
    launchDate: "2026-03-15",
    endDate: "2026-03-31",
  });
  const item = await createContentItem(db, { workspaceId: team.workspace.id, campaignId: campaign.id, scheduledAt: null });
  return { team, campaign, item, marketer: await callerFor(db, team.marketer) };
}

describe("content.reschedule", () => {
  test("a New York 09:00 item moved across the US spring-forward stays at 09:00 local: 14:00Z becomes 13:00Z", async ({ db }) => {
    const { item, marketer, campaign, team } = await marchCampaign(db);

    const before = await marketer.content.reschedule({ contentItemId: item.id, localDateTime: "2026-03-06T09:00", timeZone: "America/New_York" });
    expect(before.scheduledAt?.toISOString()).toBe("2026-03-06T14:00:00.000Z");

    const after = await marketer.content.reschedule({ contentItemId: item.id, localDateTime: "2026-03-09T09:00", timeZone: "America/New_York" });
    expect(after.scheduledAt?.toISOString()).toBe("2026-03-09T13:00:00.000Z");
    // What the calendar's undo needs: the instant it had before.
    expect(after.previousScheduledAt?.toISOString()).toBe("2026-03-06T14:00:00.000Z");

    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, item.id), eq(auditLog.action, "rescheduled")))
      .orderBy(auditLog.id);
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({
      workspaceId: team.workspace.id,
      actorId: team.marketer.id,
      entityType: "content_item",
      campaignId: campaign.id,
      before: { scheduledAt: "2026-03-06T14:00:00.000Z" },
      after: { scheduledAt: "2026-03-09T13:00:00.000Z", timeZone: "America/New_York" },
    });
  });

  test("Berlin around the EU change on 2026-03-29: 09:00 is 08:00Z before and 07:00Z after", async ({ db }) => {
    const { item, marketer } = await marchCampaign(db);

    const saturday = await marketer.content.reschedule({ contentItemId: item.id, localDateTime: "2026-03-28T09:00", timeZone: "Europe/Berlin" });
    expect(saturday.scheduledAt?.toISOString()).toBe("2026-03-28T08:00:00.000Z");
    const monday = await marketer.content.reschedule({ contentItemId: item.id, localDateTime: "2026-03-30T09:00", timeZone: "Europe/Berlin" });
    expect(monday.scheduledAt?.toISOString()).toBe("2026-03-30T07:00:00.000Z");
    // 03:30 on the change day exists (after the skipped hour) and is summer time.
    const sunday = await marketer.content.reschedule({ contentItemId: item.id, localDateTime: "2026-03-29T03:30", timeZone: "Europe/Berlin" });
    expect(sunday.scheduledAt?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  test("a time the clocks skip is refused with the reason, and nothing changes", async ({ db }) => {
    const { item, marketer } = await marchCampaign(db);
    const before = await snapshotDatabase(db);

    const berlin = await callError(marketer.content.reschedule({ contentItemId: item.id, localDateTime: "2026-03-29T02:30", timeZone: "Europe/Berlin" }));
    expect(berlin.code).toBe("BAD_REQUEST");
    expect(berlin.message).toBe(
      "2026-03-29 02:30 doesn't exist in Europe/Berlin: the clocks skip that hour when daylight saving time starts. Pick a time outside it.",
    );
    expect(fieldErrorsOf(berlin)).toEqual({ localDateTime: [berlin.message] });

    const newYork = await callError(marketer.content.reschedule({ contentItemId: item.id, localDateTime: "2026-03-08T02:15", timeZone: "America/New_York" }));
    expect(newYork.message).toContain("doesn't exist in America/New_York");

    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("an unknown zone, a day outside the campaign and an impossible date are refused, and nothing changes", async ({ db }) => {
    const { item, marketer } = await marchCampaign(db);
    const before = await snapshotDatabase(db);

    const zone = await callError(marketer.content.reschedule({ contentItemId: item.id, localDateTime: "2026-03-10T09:00", timeZone: "Mars/Olympus_Mons" }));
    expect(zone.code).toBe("BAD_REQUEST");
    expect(zone.message).toBe("“Mars/Olympus_Mons” isn't a time zone we know. Choose one like Europe/Berlin or America/New_York.");

    const outside = await callError(marketer.content.reschedule({ contentItemId: item.id, localDateTime: "2026-04-01T09:00", timeZone: "Europe/Berlin" }));
    expect(outside.code).toBe("BAD_REQUEST");
    expect(outside.message).toBe("Pick a day between the campaign's start (2026-03-01) and end (2026-03-31); 2026-04-01 is outside it.");

    const impossible = await callError(marketer.content.reschedule({ contentItemId: item.id, localDateTime: "2026-02-30T09:00", timeZone: "Europe/Berlin" }));
    expect(impossible.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(impossible)).toEqual({ localDateTime: ["That date doesn't exist on the calendar"] });

    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("the local day is what must fall inside the campaign, not the UTC one", async ({ db }) => {
    const { item, marketer } = await marchCampaign(db);
    // 23:30 on the last day in Los Angeles is already April in UTC.
    const late = await marketer.content.reschedule({ contentItemId: item.id, localDateTime: "2026-03-31T23:30", timeZone: "America/Los_Angeles" });
    expect(late.scheduledAt?.toISOString()).toBe("2026-04-01T06:30:00.000Z");
  });

  test.for(["completed", "cancelled", "archived"] as const)("an item of a %s campaign can't be moved", async (status, { db }) => {
    const { item, marketer } = await marchCampaign(db, status);
    const before = await snapshotDatabase(db);

    const error = await callError(marketer.content.reschedule({ contentItemId: item.id, localDateTime: "2026-03-10T09:00", timeZone: "Europe/Berlin" }));

    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      status === "archived"
        ? "This campaign is archived. Restore it to change its content."
        : `This campaign is ${status}, so its content can no longer be scheduled or moved.`,
    );
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("unscheduling clears the time; moving to the same time writes nothing", async ({ db }) => {
    const { item, marketer } = await marchCampaign(db);
    await marketer.content.reschedule({ contentItemId: item.id, localDateTime: "2026-03-10T09:00", timeZone: "Europe/Berlin" });
    const before = await snapshotDatabase(db);

    const same = await marketer.content.reschedule({ contentItemId: item.id, localDateTime: "2026-03-10T09:00", timeZone: "Europe/Berlin" });
    expect(same.scheduledAt?.toISOString()).toBe("2026-03-10T08:00:00.000Z");
    expect(await snapshotDatabase(db)).toEqual(before);

    const cleared = await marketer.content.reschedule({ contentItemId: item.id, localDateTime: null, timeZone: "Europe/Berlin" });
    expect(cleared.scheduledAt).toBeNull();
    expect(cleared.previousScheduledAt?.toISOString()).toBe("2026-03-10T08:00:00.000Z");
  });
});
