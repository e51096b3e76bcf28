import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { createCampaign, createMilestone, createTeam } from "@/db/factories";
import { auditLog, milestones, workspaces } from "@/db/schema";
import { callError, callerFor, fieldErrorsOf } from "@/server/api/test-caller";
import { test } from "@/db/test-db";
import { snapshotDatabase } from "@/db/test-snapshot";
import type { Database } from "@/db";

/** A team with a campaign running through March 2026 and one milestone on 2026-03-10. */
async function seed(db: Database, status: "draft" | "active" | "completed" | "cancelled" | "archived" = "active") {
  const team = await createTeam(db);
  const campaign = await createCampaign(db, {
    workspaceId: team.workspace.id,
    ownerId: team.marketer.id,
    status,
    startDate: "2026-03-02",
    launchDate: "2026-03-16",
    endDate: "2026-03-31",
  });
  const milestone = await createMilestone(db, { workspaceId: team.workspace.id, campaignId: campaign.id, name: "Creative ready", dueDate: "2026-03-10" });
  return { team, campaign, milestone };
}

describe("milestone.reschedule", () => {
  test("moves the milestone, returns the day it had before, and records the move in the campaign's history", async ({ db }) => {
    const { team, campaign, milestone } = await seed(db);
    const marketer = await callerFor(db, team.marketer);

    const moved = await marketer.milestone.reschedule({ milestoneId: milestone.id, dueDate: "2026-03-12" });

    expect(moved).toMatchObject({ id: milestone.id, dueDate: "2026-03-12", previousDueDate: "2026-03-10" });
    const [stored] = await db.select().from(milestones).where(eq(milestones.id, milestone.id));
    expect(stored!.dueDate).toBe("2026-03-12");
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "milestone"), eq(auditLog.entityId, milestone.id)));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      campaignId: campaign.id,
      actorId: team.marketer.id,
      action: "moved",
      before: { name: "Creative ready", dueDate: "2026-03-10" },
      after: { name: "Creative ready", dueDate: "2026-03-12" },
    });

    // Undo is the same call with the previous day.
    const undone = await marketer.milestone.reschedule({ milestoneId: milestone.id, dueDate: moved.previousDueDate });
    expect(undone.dueDate).toBe("2026-03-10");
  });

  test("the campaign's first and last days are allowed", async ({ db }) => {
    const { team, milestone } = await seed(db, "draft");
    const marketer = await callerFor(db, team.marketer);
    expect((await marketer.milestone.reschedule({ milestoneId: milestone.id, dueDate: "2026-03-02" })).dueDate).toBe("2026-03-02");
    expect((await marketer.milestone.reschedule({ milestoneId: milestone.id, dueDate: "2026-03-31" })).dueDate).toBe("2026-03-31");
  });

  test.for([
    ["2026-03-01", "before the start"],
    ["2026-04-01", "after the end"],
  ] as const)("a day outside the campaign's dates (%s, %s) is refused on the field and writes nothing", async ([dueDate], { db }) => {
    const { team, milestone } = await seed(db);
    const before = await snapshotDatabase(db);

    const error = await callError((await callerFor(db, team.marketer)).milestone.reschedule({ milestoneId: milestone.id, dueDate }));

    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("Pick a day between the campaign's start (2026-03-02) and end (2026-03-31).");
    expect(fieldErrorsOf(error)).toEqual({ dueDate: [error.message] });
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test.for([
    ["completed", "This campaign is completed, so its timeline can no longer change."],
    ["cancelled", "This campaign is cancelled, so its timeline can no longer change."],
    ["archived", "This campaign is archived. Restore it to change its timeline."],
  ] as const)("a %s campaign's milestones don't move, and nothing is written", async ([status, message], { db }) => {
    const { team, milestone } = await seed(db, status);
    const before = await snapshotDatabase(db);

    const error = await callError((await callerFor(db, team.manager)).milestone.reschedule({ milestoneId: milestone.id, dueDate: "2026-03-12" }));

    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(message);
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("a date that isn't a day is refused with a plain message", async ({ db }) => {
    const { team, milestone } = await seed(db);
    const error = await callError((await callerFor(db, team.marketer)).milestone.reschedule({ milestoneId: milestone.id, dueDate: "12/03/2026" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(error)).toEqual({ dueDate: ["Enter the due date as a date, like 2026-03-09"] });
  });

  test("moving to the day it already has changes nothing and records nothing", async ({ db }) => {
    const { team, milestone } = await seed(db);
    const before = await snapshotDatabase(db);
    const result = await (await callerFor(db, team.marketer)).milestone.reschedule({ milestoneId: milestone.id, dueDate: "2026-03-10" });
    expect(result.previousDueDate).toBe("2026-03-10");
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("another workspace's milestone is NOT_FOUND", async ({ db }) => {
    const { milestone } = await seed(db);
    const other = await createTeam(db);
    const error = await callError((await callerFor(db, other.admin)).milestone.reschedule({ milestoneId: milestone.id, dueDate: "2026-03-12" }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe("That milestone does not exist in this workspace.");
  });
});

describe("milestone create, update, delete", () => {
  test("a marketer adds a milestone within the campaign, renames it, marks it done and undone, and deletes it; each step is in the history", async ({ db }) => {
    const { team, campaign } = await seed(db);
    const marketer = await callerFor(db, team.marketer);

    const added = await marketer.milestone.create({ campaignId: campaign.id, name: " Press kit ready ", dueDate: "2026-03-13" });
    expect(added).toMatchObject({ name: "Press kit ready", dueDate: "2026-03-13", position: 1, completedAt: null });

    const outside = await callError(marketer.milestone.create({ campaignId: campaign.id, name: "Too early", dueDate: "2026-02-27" }));
    expect(fieldErrorsOf(outside)).toEqual({ dueDate: ["Pick a day between the campaign's start (2026-03-02) and end (2026-03-31)."] });

    expect((await marketer.milestone.update({ milestoneId: added.id, name: "Press kit final" })).name).toBe("Press kit final");
    expect((await marketer.milestone.update({ milestoneId: added.id, completed: true })).completedAt).toBeInstanceOf(Date);
    expect((await marketer.milestone.update({ milestoneId: added.id, completed: false })).completedAt).toBeNull();
    await marketer.milestone.delete({ milestoneId: added.id });

    expect(await db.select().from(milestones).where(eq(milestones.id, added.id))).toEqual([]);
    const entries = await db.select().from(auditLog).where(eq(auditLog.entityId, added.id)).orderBy(auditLog.id);
    expect(entries.map((e) => [e.action, e.campaignId])).toEqual([
      ["created", campaign.id],
      ["updated", campaign.id],
      ["completed", campaign.id],
      ["reopened", campaign.id],
      ["deleted", campaign.id],
    ]);
    expect(entries[1]).toMatchObject({ before: { name: "Press kit ready" }, after: { name: "Press kit final" } });
  });

  test("a completed campaign's milestones can still be ticked off, but not added or removed; an archived one is read-only", async ({ db }) => {
    const { team, campaign, milestone } = await seed(db, "completed");
    const marketer = await callerFor(db, team.marketer);
    expect((await marketer.milestone.update({ milestoneId: milestone.id, completed: true })).completedAt).toBeInstanceOf(Date);
    expect((await callError(marketer.milestone.create({ campaignId: campaign.id, name: "Late", dueDate: "2026-03-20" }))).code).toBe("CONFLICT");
    expect((await callError(marketer.milestone.delete({ milestoneId: milestone.id }))).code).toBe("CONFLICT");

    const archived = await seed(db, "archived");
    const before = await snapshotDatabase(db);
    const error = await callError((await callerFor(db, archived.team.marketer)).milestone.update({ milestoneId: archived.milestone.id, name: "Nope" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("This campaign is archived. Restore it to change its timeline.");
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe("timelines generated from templates", () => {
  const launch = (ownerId: string) => ({
    name: "Holiday launch",
    type: "product_launch" as const,
    ownerId,
    startDate: "2026-11-02",
    launchDate: "2026-11-30",
    endDate: "2026-12-31",
  });

  test("campaign.create places the template's milestones over holidays with the workspace's buffer, in one history entry", async ({ db }) => {
    const team = await createTeam(db);
    await db.update(workspaces).set({ holidayCountry: "US", milestoneBufferDays: 1 }).where(eq(workspaces.id, team.workspace.id));
    const marketer = await callerFor(db, team.marketer);
    await (await callerFor(db, team.manager)).template.update({
      type: "product_launch",
      milestones: [
        { name: "Creative ready", businessDaysBeforeLaunch: 3 },
        { name: "Launch", businessDaysBeforeLaunch: 0 },
        { name: "Wrap-up report", businessDaysBeforeLaunch: -1 },
      ],
    });

    const campaign = await marketer.campaign.create(launch(team.marketer.id));

    expect(campaign.bufferDays).toBe(1);
    expect(campaign.warnings).toEqual([]);
    // 3 business days + 1 of buffer before Monday 30 November, skipping the weekend and Thanksgiving.
    const stored = await db.select().from(milestones).where(eq(milestones.campaignId, campaign.id)).orderBy(milestones.dueDate);
    expect(stored.map((m) => [m.name, m.dueDate, m.position])).toEqual([
      ["Creative ready", "2026-11-23", 0],
      ["Launch", "2026-11-30", 1],
      ["Wrap-up report", "2026-12-01", 2],
    ]);
    const { entries } = await marketer.campaign.activity({ campaignId: campaign.id });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toMatchObject({
      bufferDays: 1,
      milestones: [
        { name: "Creative ready", dueDate: "2026-11-23" },
        { name: "Launch", dueDate: "2026-11-30" },
        { name: "Wrap-up report", dueDate: "2026-12-01" },
      ],
    });
  });

  test("campaign.create: milestones before the start are kept and named in warnings; withTimeline false adds none", async ({ db }) => {
    const team = await createTeam(db);
    const marketer = await callerFor(db, team.marketer);

    // The built-in product launch starts 30 business days before launch, well before a start 4 weeks ahead.
    const campaign = await marketer.campaign.create({ ...launch(team.marketer.id), bufferDays: 0 });
    expect(campaign.milestones.map((m) => m.name)).toEqual(["Brief", "Messaging & positioning", "Creative ready", "Review & approval", "Launch", "Wrap-up report"]);
    expect(campaign.warnings).toEqual(["“Brief” is due 2026-10-19, before the campaign starts (2026-11-02)."]);

    const bare = await marketer.campaign.create({ ...launch(team.marketer.id), withTimeline: false });
    expect(bare.milestones).toEqual([]);
    expect(await db.select().from(milestones).where(eq(milestones.campaignId, bare.id))).toEqual([]);
  });

  test("campaign.create: a buffer over 30 days is refused and nothing is written", async ({ db }) => {
    const team = await createTeam(db);
    const before = await snapshotDatabase(db);
    const error = await callError((await callerFor(db, team.marketer)).campaign.create({ ...launch(team.marketer.id), bufferDays: 31 }));
    expect(fieldErrorsOf(error)).toEqual({ bufferDays: ["Use a buffer of at most 30 business days"] });
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("regenerate replaces the milestones from the template with a new buffer, kept on the campaign, in one history entry", async ({ db }) => {
    const { team, campaign, milestone } = await seed(db, "draft");
    const marketer = await callerFor(db, team.marketer);

    const result = await marketer.milestone.regenerate({ campaignId: campaign.id, bufferDays: 2 });

    // Built-in product launch from Monday 2026-03-16, weekends only: "Review & approval" 5 + 2 business days before.
    expect(result.milestones.find((m) => m.name === "Review & approval")?.dueDate).toBe("2026-03-05");
    expect(result.milestones.find((m) => m.name === "Launch")?.dueDate).toBe("2026-03-16");
    expect(result.warnings.length).toBeGreaterThan(0);
    expect(await db.select().from(milestones).where(eq(milestones.id, milestone.id))).toEqual([]);
    expect((await marketer.campaign.get({ campaignId: campaign.id })).bufferDays).toBe(2);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "timeline_regenerated"));
    expect(entry).toMatchObject({ campaignId: campaign.id, before: { bufferDays: 0, milestones: [{ name: "Creative ready", dueDate: "2026-03-10" }] }, after: { bufferDays: 2 } });

    const closed = await seed(db, "cancelled");
    const snapshot = await snapshotDatabase(db);
    expect((await callError((await callerFor(db, closed.team.marketer)).milestone.regenerate({ campaignId: closed.campaign.id }))).code).toBe("CONFLICT");
    expect(await snapshotDatabase(db)).toEqual(snapshot);
  });
});
