import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { createCampaign, createMilestone, createTeam } from "@/db/factories";
import { auditLog, milestones } from "@/db/schema";
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
