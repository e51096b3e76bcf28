// Who is owed a digest when: the member's own clock and working days decide,
// a period found is found until it is recorded and never after, and a late
// search (after downtime) finds the current period once.
import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db";
import { createCampaign, createTeam } from "@/db/factories";
import { digests, memberships, workspaces } from "@/db/schema";
import { test } from "@/db/test-db";
import { type DueDigest, findDueDigests } from "./find-due-digests";

type Member = { workspaceId: string; userId: string };

async function setMember(db: Database, member: Member, values: Partial<typeof memberships.$inferInsert>) {
  await db.update(memberships).set(values).where(and(eq(memberships.workspaceId, member.workspaceId), eq(memberships.userId, member.userId)));
}

/** The digests due at `iso` for one member. */
async function dueFor(db: Database, member: Member, iso: string): Promise<Pick<DueDigest, "kind" | "period">[]> {
  const due = await findDueDigests(db, { now: new Date(iso) });
  return due.filter((d) => d.workspaceId === member.workspaceId && d.userId === member.userId).map(({ kind, period }) => ({ kind, period }));
}

const record = (db: Database, member: Member, kind: "daily" | "weekly", period: string) => db.insert(digests).values({ ...member, kind, period });

async function oneMember(db: Database, values: Partial<typeof memberships.$inferInsert> = {}, workspaceTimeZone = "UTC") {
  const team = await createTeam(db);
  await db.update(workspaces).set({ timeZone: workspaceTimeZone }).where(eq(workspaces.id, team.workspace.id));
  const member = { workspaceId: team.workspace.id, userId: team.marketer.id };
  await setMember(db, member, values);
  return { team, member };
}

describe("findDueDigests", () => {
  // Monday 30 November 2026; Sunday is the 29th.
  test("a daily digest is due from the member's digest hour on their working days, until it is recorded", async ({ db }) => {
    const { member } = await oneMember(db, { digestHour: 8 });
    expect(await dueFor(db, member, "2026-11-30T07:59:00Z")).toEqual([]);
    expect(await dueFor(db, member, "2026-11-30T08:00:00Z")).toEqual([{ kind: "daily", period: "2026-11-30" }]);
    // Late, after downtime: the same day is still found, once.
    expect(await dueFor(db, member, "2026-11-30T23:30:00Z")).toEqual([{ kind: "daily", period: "2026-11-30" }]);
    await record(db, member, "daily", "2026-11-30");
    expect(await dueFor(db, member, "2026-11-30T23:45:00Z")).toEqual([]);
    expect(await dueFor(db, member, "2026-12-01T08:15:00Z")).toEqual([{ kind: "daily", period: "2026-12-01" }]);
    // Sunday is not among the default working days.
    expect(await dueFor(db, member, "2026-11-29T12:00:00Z")).toEqual([]);
  });

  test("the member's own working days and digest hour count, in their zone, else the workspace's", async ({ db }) => {
    const { member } = await oneMember(db, { digestHour: 7, workingDays: [2, 3, 4, 5, 6] }, "America/New_York");
    // Monday is not theirs; Tuesday 07:00 in New York is 12:00 UTC.
    expect(await dueFor(db, member, "2026-11-30T14:00:00Z")).toEqual([]);
    expect(await dueFor(db, member, "2026-12-01T11:59:00Z")).toEqual([]);
    expect(await dueFor(db, member, "2026-12-01T12:00:00Z")).toEqual([{ kind: "daily", period: "2026-12-01" }]);
    // Their own zone wins over the workspace's: 07:00 in Berlin is 06:00 UTC.
    await setMember(db, member, { timeZone: "Europe/Berlin" });
    expect(await dueFor(db, member, "2026-12-01T06:00:00Z")).toEqual([{ kind: "daily", period: "2026-12-01" }]);
  });

  test("a member where it is already tomorrow gets tomorrow's digest, on tomorrow's weekday", async ({ db }) => {
    // Auckland is UTC+13 in November: Sunday 20:00 UTC is Monday 09:00 there.
    const { member } = await oneMember(db, { digestHour: 9, timeZone: "Pacific/Auckland" });
    expect(await dueFor(db, member, "2026-11-29T19:59:00Z")).toEqual([]);
    expect(await dueFor(db, member, "2026-11-29T20:00:00Z")).toEqual([{ kind: "daily", period: "2026-11-30" }]);
    // Friday 20:00 UTC is their Saturday: nothing.
    expect(await dueFor(db, member, "2026-12-04T20:00:00Z")).toEqual([]);
  });

  test("daylight saving: an hour the clocks skip is reached at the next one; an hour they repeat sends once", async ({ db }) => {
    const { member } = await oneMember(db, { digestHour: 2, timeZone: "Europe/Paris", workingDays: [1, 2, 3, 4, 5, 6, 7] });
    // Sunday 29 March 2026: Paris goes from 02:00 CET straight to 03:00 CEST (01:00 UTC).
    expect(await dueFor(db, member, "2026-03-29T00:59:00Z")).toEqual([]);
    expect(await dueFor(db, member, "2026-03-29T01:00:00Z")).toEqual([{ kind: "daily", period: "2026-03-29" }]);
    // Sunday 25 October 2026: 02:00 to 03:00 comes twice (00:00 and 01:00 UTC).
    expect(await dueFor(db, member, "2026-10-24T23:59:00Z")).toEqual([]);
    expect(await dueFor(db, member, "2026-10-25T00:00:00Z")).toEqual([{ kind: "daily", period: "2026-10-25" }]);
    await record(db, member, "daily", "2026-10-25");
    expect(await dueFor(db, member, "2026-10-25T01:00:00Z")).toEqual([]);
  });

  test("nothing for a member who turned the daily digest off or left the workspace", async ({ db }) => {
    const { team, member } = await oneMember(db, { digestHour: 8, dailyDigest: false });
    expect(await dueFor(db, member, "2026-11-30T09:00:00Z")).toEqual([]);
    const manager = { workspaceId: team.workspace.id, userId: team.manager.id };
    expect(await dueFor(db, manager, "2026-11-30T09:00:00Z")).toEqual([{ kind: "daily", period: "2026-11-30" }]);
    await db.delete(memberships).where(and(eq(memberships.workspaceId, manager.workspaceId), eq(memberships.userId, manager.userId)));
    expect(await dueFor(db, manager, "2026-11-30T09:00:00Z")).toEqual([]);
  });

  test("a member whose zone the database does not know is passed over; the others are still found", async ({ db }) => {
    const { team, member } = await oneMember(db, { digestHour: 8, timeZone: "Mars/Olympus_Mons" });
    expect(await dueFor(db, member, "2026-11-30T09:00:00Z")).toEqual([]);
    expect(await dueFor(db, { workspaceId: team.workspace.id, userId: team.manager.id }, "2026-11-30T09:00:00Z")).toEqual([{ kind: "daily", period: "2026-11-30" }]);
  });

  test("a weekly summary is due to owners of active campaigns from Monday's digest hour, once per ISO week", async ({ db }) => {
    const { team, member } = await oneMember(db, { digestHour: 8, dailyDigest: false });
    await createCampaign(db, { workspaceId: team.workspace.id, ownerId: member.userId, status: "draft" });
    expect(await dueFor(db, member, "2026-11-30T09:00:00Z")).toEqual([]);
    await createCampaign(db, { workspaceId: team.workspace.id, ownerId: member.userId, status: "active" });
    expect(await dueFor(db, member, "2026-11-30T07:59:00Z")).toEqual([]);
    expect(await dueFor(db, member, "2026-11-30T08:00:00Z")).toEqual([{ kind: "weekly", period: "2026-W49" }]);
    // Down all Monday: Wednesday still finds this week's, once.
    expect(await dueFor(db, member, "2026-12-02T10:00:00Z")).toEqual([{ kind: "weekly", period: "2026-W49" }]);
    await record(db, member, "weekly", "2026-W49");
    expect(await dueFor(db, member, "2026-12-06T23:59:00Z")).toEqual([]);
    expect(await dueFor(db, member, "2026-12-07T08:00:00Z")).toEqual([{ kind: "weekly", period: "2026-W50" }]);
    // The ISO week of the year's end: Monday 28 December 2026 is in 2026-W53.
    expect(await dueFor(db, member, "2026-12-28T08:00:00Z")).toEqual([{ kind: "weekly", period: "2026-W53" }]);
    await setMember(db, member, { weeklyDigest: false });
    expect(await dueFor(db, member, "2026-12-07T08:00:00Z")).toEqual([]);
  });
});
