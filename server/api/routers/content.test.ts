import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db";
import { createCampaign, createTeam } from "@/db/factories";
import { auditLog, contentVersions } from "@/db/schema";
import { test } from "@/db/test-db";
import { snapshotDatabase } from "@/db/test-snapshot";
import { callError, callerFor, fieldErrorsOf } from "@/server/api/test-caller";

async function setup(db: Database) {
  const team = await createTeam(db);
  const campaign = await createCampaign(db, {
    workspaceId: team.workspace.id,
    ownerId: team.marketer.id,
    status: "active",
    startDate: "2026-03-01",
    launchDate: "2026-03-15",
    endDate: "2026-03-31",
  });
  return { team, campaign, marketer: await callerFor(db, team.marketer), viewer: await callerFor(db, team.viewer) };
}

const post = (campaignId: string) => ({
  campaignId,
  channel: "linkedin" as const,
  title: "Launch day",
  body: "We are live today. Read the story on our blog.",
  media: [{ url: "https://cdn.example.com/hero.png", alt: "The new dashboard" }],
});

describe("content router", () => {
  test("create: version 1 is the body it was created with, scheduled at the local time given, and the creation is audited", async ({ db }) => {
    const { team, campaign, marketer } = await setup(db);

    const item = await marketer.content.create({ ...post(campaign.id), scheduledAt: { localDateTime: "2026-03-09T09:00", timeZone: "Europe/Berlin" } });

    expect(item).toMatchObject({ version: 1, channel: "linkedin", createdById: team.marketer.id });
    expect(item.scheduledAt?.toISOString()).toBe("2026-03-09T08:00:00.000Z");
    const versions = await db.select().from(contentVersions).where(eq(contentVersions.contentItemId, item.id));
    expect(versions).toMatchObject([{ version: 1, title: "Launch day", body: post(campaign.id).body, media: post(campaign.id).media }]);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityId, item.id));
    expect(entry).toMatchObject({ action: "created", campaignId: campaign.id, actorId: team.marketer.id, after: { title: "Launch day", version: 1 } });
  });

  test("create: a channel rule broken, a bad schedule or an archived campaign is refused and nothing is written", async ({ db }) => {
    const { team, campaign, marketer } = await setup(db);
    const archived = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.marketer.id, status: "archived" });
    const before = await snapshotDatabase(db);

    const tooLong = await callError(marketer.content.create({ ...post(campaign.id), channel: "x", body: `${"a".repeat(300)}` }));
    expect(tooLong.code).toBe("BAD_REQUEST");
    expect(tooLong.message).toBe("A post on X can have at most 280 characters; this one has 300.");
    expect(fieldErrorsOf(tooLong)).toEqual({ body: ["A post on X can have at most 280 characters; this one has 300."] });

    const noAlt = await callError(marketer.content.create({ ...post(campaign.id), media: [{ url: "https://cdn.example.com/a.png", alt: "" }] }));
    expect(fieldErrorsOf(noAlt)).toEqual({ media: ["Describe image 1 for people who can't see it."] });

    const instagram = await callError(marketer.content.create({ ...post(campaign.id), channel: "instagram", media: [] }));
    expect(fieldErrorsOf(instagram)).toEqual({ media: ["An Instagram caption needs at least 1 image. Add one."] });

    const outside = await callError(
      marketer.content.create({ ...post(campaign.id), scheduledAt: { localDateTime: "2026-04-02T09:00", timeZone: "Europe/Berlin" } }),
    );
    expect(fieldErrorsOf(outside)).toEqual({ scheduledAt: ["Pick a day between the campaign's start (2026-03-01) and end (2026-03-31); 2026-04-02 is outside it."] });

    const noTitle = await callError(marketer.content.create({ ...post(campaign.id), title: "   " }));
    expect(fieldErrorsOf(noTitle)).toEqual({ title: ["Give the item a title"] });

    const closed = await callError(marketer.content.create(post(archived.id)));
    expect(closed.code).toBe("CONFLICT");
    expect(closed.message).toBe("This campaign is archived. Restore it to change its content.");

    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("update: every save that changes something is a new version; a save with nothing changed writes nothing", async ({ db }) => {
    const { team, campaign, marketer } = await setup(db);
    const item = await marketer.content.create(post(campaign.id));

    const second = await marketer.content.update({ contentItemId: item.id, body: "We are live today. Read the full story on our blog." });
    expect(second.version).toBe(2);
    const third = await marketer.content.update({ contentItemId: item.id, title: "Launch day is here" });
    expect(third.version).toBe(3);
    const fourth = await marketer.content.update({ contentItemId: item.id, media: [] });
    expect(fourth.version).toBe(4);

    const before = await snapshotDatabase(db);
    const same = await marketer.content.update({ contentItemId: item.id, title: "Launch day is here", body: second.body, media: [] });
    expect(same.version).toBe(4);
    expect(await snapshotDatabase(db)).toEqual(before);

    const detail = await marketer.content.get({ contentItemId: item.id });
    expect(detail.versions.map((version) => version.version)).toEqual([4, 3, 2, 1]);
    expect(detail.versions[0]).toMatchObject({ authorName: team.marketer.name });
    expect(detail.campaign).toMatchObject({ id: campaign.id, name: campaign.name });
    expect(detail).toMatchObject({ canEdit: true, canSchedule: true });
    expect(await (await callerFor(db, team.viewer)).content.get({ contentItemId: item.id })).toMatchObject({ canEdit: false, canSchedule: false });

    const updates = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, item.id), eq(auditLog.action, "updated")))
      .orderBy(auditLog.id);
    expect(updates.map((entry) => [entry.before, entry.after])).toEqual([
      [
        { body: "We are live today. Read the story on our blog.", version: 1 },
        { body: "We are live today. Read the full story on our blog.", version: 2 },
      ],
      [
        { title: "Launch day", version: 2 },
        { title: "Launch day is here", version: 3 },
      ],
      [
        { media: post(campaign.id).media, version: 3 },
        { media: [], version: 4 },
      ],
    ]);
  });

  test("update: a save that breaks the channel's rules is refused and leaves the item and its versions as they were", async ({ db }) => {
    const { campaign, marketer } = await setup(db);
    const item = await marketer.content.create({ ...post(campaign.id), channel: "x", body: "Short and sweet" });
    const before = await snapshotDatabase(db);

    // "Read more " (10) + the link as 23 + " " (1) + 260.
    const error = await callError(marketer.content.update({ contentItemId: item.id, body: `Read more https://example.com ${"b".repeat(260)}` }));
    expect(error.message).toBe("A post on X can have at most 280 characters; this one has 294.");
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("diff: word by word, what was removed and added between two versions", async ({ db }) => {
    const { campaign, marketer, viewer } = await setup(db);
    const item = await marketer.content.create(post(campaign.id));
    await marketer.content.update({ contentItemId: item.id, body: "We are live today. Read the full story on our new blog." });

    const diff = await viewer.content.diff({ contentItemId: item.id, from: 1, to: 2 });

    expect(diff.body.filter((part) => part.added).map((part) => part.value.trim())).toEqual(["full", "new"]);
    expect(diff.body.filter((part) => part.removed)).toEqual([]);
    expect(diff.body.map((part) => part.value).join("")).toBe("We are live today. Read the full story on our new blog.");
    expect(diff.title).toEqual([{ value: "Launch day", added: false, removed: false }]);

    const back = await viewer.content.diff({ contentItemId: item.id, from: 2, to: 1 });
    expect(back.body.filter((part) => part.removed).map((part) => part.value.trim())).toEqual(["full", "new"]);

    const missing = await callError(viewer.content.diff({ contentItemId: item.id, from: 1, to: 7 }));
    expect(missing.code).toBe("NOT_FOUND");
    expect(missing.message).toBe("This item has no version 7; its latest is version 2.");
  });

  test("list and delete: the campaign's items in time order; deleting removes the item and its versions and keeps the history", async ({ db }) => {
    const { campaign, marketer, viewer } = await setup(db);
    const later = await marketer.content.create({ ...post(campaign.id), title: "Later", scheduledAt: { localDateTime: "2026-03-20T09:00", timeZone: "UTC" } });
    const unscheduled = await marketer.content.create({ ...post(campaign.id), title: "Someday" });
    const sooner = await marketer.content.create({ ...post(campaign.id), title: "Sooner", scheduledAt: { localDateTime: "2026-03-05T09:00", timeZone: "UTC" } });

    expect((await viewer.content.list({ campaignId: campaign.id })).map((item) => item.id)).toEqual([sooner.id, later.id, unscheduled.id]);

    const denied = await callError(viewer.content.delete({ contentItemId: later.id }));
    expect(denied.code).toBe("FORBIDDEN");

    await marketer.content.delete({ contentItemId: later.id });
    expect((await viewer.content.list({ campaignId: campaign.id })).map((item) => item.title)).toEqual(["Sooner", "Someday"]);
    expect(await db.select().from(contentVersions).where(eq(contentVersions.contentItemId, later.id))).toEqual([]);
    const [deleted] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, later.id), eq(auditLog.action, "deleted")));
    expect(deleted).toMatchObject({ campaignId: campaign.id, before: { title: "Later" } });

    const gone = await callError(viewer.content.get({ contentItemId: later.id }));
    expect(gone.code).toBe("NOT_FOUND");
    expect(gone.message).toBe("That content item does not exist in this workspace.");
  });
});
