// What the digests say, and that each member and period is recorded once: a
// second run finds the first one's email, nothing to say is recorded without
// an email, and someone who left the workspace gets nothing.
import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db";
import { createCampaign, createContentItem, createMilestone, createTask, createTeam } from "@/db/factories";
import { digests, memberships, milestones, outboxEmails, taskDependencies } from "@/db/schema";
import { test } from "@/db/test-db";
import { appUrl } from "@/server/env";
import { findDueDigests } from "./find-due-digests";
import { recordDigest } from "./record-digest";

const emailsOf = (db: Database, to: string) => db.select().from(outboxEmails).where(eq(outboxEmails.to, to));

describe("recordDigest", () => {
  test("the daily digest lists what is due today, overdue, blocked and waiting on the member, each with its link", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha" });
    const ws = team.workspace.id;
    const mine = { workspaceId: ws, assigneeId: team.marketer.id };
    const today = await createTask(db, { ...mine, title: "Draft the launch email", dueAt: new Date("2026-11-30T15:00:00Z") });
    const late = await createTask(db, { ...mine, title: "Book the venue", dueAt: new Date("2026-11-27T17:00:00Z") });
    // Blocked and overdue: listed once, under Blocked.
    const stuck = await createTask(db, { ...mine, title: "Approve the copy", status: "blocked", blockedReason: "Waiting for legal", dueAt: new Date("2026-11-20T17:00:00Z") });
    await createTask(db, { ...mine, title: "Already done", status: "done", dueAt: new Date("2026-11-30T09:00:00Z") });
    await createTask(db, { ...mine, title: "Due tomorrow", dueAt: new Date("2026-12-01T09:00:00Z") });
    const waits = await createTask(db, { workspaceId: ws, assigneeId: team.admin.id, title: "Send the newsletter" });
    const finished = await createTask(db, { workspaceId: ws, assigneeId: team.admin.id, title: "Finished already", status: "done" });
    await db.insert(taskDependencies).values([
      { workspaceId: ws, taskId: waits.id, dependsOnId: today.id },
      { workspaceId: ws, taskId: waits.id, dependsOnId: late.id },
      { workspaceId: ws, taskId: finished.id, dependsOnId: today.id },
    ]);

    const outcome = await recordDigest(db, { kind: "daily", workspaceId: ws, userId: team.marketer.id, period: "2026-11-30" }, { smtpUrl: null });
    const base = appUrl();
    expect(outcome).toEqual({
      email: {
        workspaceId: ws,
        to: team.marketer.email,
        subject: "Today's work in Alpha: 1 due today, 1 overdue, 1 blocked, 1 waiting on you",
        idempotencyKey: `digest:daily:${ws}:${team.marketer.id}:2026-11-30`,
        text: [
          "Hello Marketer Alpha,",
          "",
          "Here is your work in Alpha for Mon, Nov 30, 2026.",
          "",
          "Due today (1)",
          "- Draft the launch email, due 3:00 PM",
          `  ${base}/tasks/${today.id}`,
          "",
          "Overdue (1)",
          "- Book the venue, was due Fri, Nov 27, 2026, 5:00 PM",
          `  ${base}/tasks/${late.id}`,
          "",
          "Blocked (1)",
          "- Approve the copy: Waiting for legal",
          `  ${base}/tasks/${stuck.id}`,
          "",
          "Waiting on you (1)",
          "- Send the newsletter (Admin Alpha) waits on your “Book the venue”, “Draft the launch email”",
          `  ${base}/tasks/${waits.id}`,
          "",
          `Your tasks: ${base}/tasks`,
          `Change when this email comes, or turn it off: ${base}/account`,
        ].join("\n"),
      },
    });
    expect(await emailsOf(db, team.marketer.email)).toHaveLength(1);
  });

  test("run twice for one member and day, it records one email and hands the second run the same one", async ({ db }) => {
    const team = await createTeam(db);
    await createTask(db, { workspaceId: team.workspace.id, assigneeId: team.marketer.id, dueAt: new Date("2026-11-30T12:00:00Z") });
    const input = { kind: "daily" as const, workspaceId: team.workspace.id, userId: team.marketer.id, period: "2026-11-30" };
    const first = await recordDigest(db, input, { smtpUrl: null });
    const second = await recordDigest(db, input, { smtpUrl: null });
    expect(second).toEqual(first);
    expect(await emailsOf(db, team.marketer.email)).toHaveLength(1);
    expect(await db.select().from(digests)).toEqual([expect.objectContaining({ ...input, emailKey: `digest:daily:${input.workspaceId}:${input.userId}:2026-11-30` })]);
  });

  test("nothing to say sends nothing, and the period is recorded so it is not looked at again", async ({ db }) => {
    const team = await createTeam(db);
    await createTask(db, { workspaceId: team.workspace.id, assigneeId: team.marketer.id, dueAt: new Date("2026-12-20T12:00:00Z") });
    const input = { kind: "daily" as const, workspaceId: team.workspace.id, userId: team.marketer.id, period: "2026-11-30" };
    expect(await recordDigest(db, input, { smtpUrl: null })).toEqual({ skipped: "nothing to say" });
    expect(await recordDigest(db, input, { smtpUrl: null })).toEqual({ skipped: "already recorded for this period" });
    expect(await emailsOf(db, team.marketer.email)).toEqual([]);
    const due = await findDueDigests(db, { now: new Date("2026-11-30T10:00:00Z") });
    expect(due.filter((d) => d.userId === team.marketer.id)).toEqual([]);
  });

  test("a member removed from the workspace gets nothing", async ({ db }) => {
    const team = await createTeam(db);
    await createTask(db, { workspaceId: team.workspace.id, assigneeId: team.marketer.id, dueAt: new Date("2026-11-30T12:00:00Z") });
    await db.delete(memberships).where(and(eq(memberships.workspaceId, team.workspace.id), eq(memberships.userId, team.marketer.id)));
    const input = { kind: "daily" as const, workspaceId: team.workspace.id, userId: team.marketer.id, period: "2026-11-30" };
    expect(await recordDigest(db, input, { smtpUrl: null })).toEqual({ skipped: "no longer a member, or turned this digest off" });
    expect(await emailsOf(db, team.marketer.email)).toEqual([]);
    expect(await db.select().from(digests)).toEqual([]);
  });

  test("the weekly summary tells each active campaign's tasks done last week and open now, milestones hit and missed, and the week's content", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha" });
    const ws = team.workspace.id;
    const campaign = await createCampaign(db, { workspaceId: ws, ownerId: team.manager.id, name: "Spring launch", status: "active" });
    await createCampaign(db, { workspaceId: ws, ownerId: team.manager.id, name: "Quiet one", status: "active" });
    await createCampaign(db, { workspaceId: ws, ownerId: team.manager.id, name: "Still a draft", status: "draft" });
    const inCampaign = { workspaceId: ws, campaignId: campaign.id };
    const done = await createTask(db, { ...inCampaign, title: "Write the brief", status: "done", completedAt: new Date("2026-11-25T10:00:00Z") });
    await createTask(db, { ...inCampaign, title: "Done the week before", status: "done", completedAt: new Date("2026-11-20T10:00:00Z") });
    await createTask(db, { ...inCampaign, title: "Long overdue", dueAt: new Date("2020-01-06T10:00:00Z") });
    await createTask(db, { ...inCampaign, title: "Far ahead", dueAt: new Date("2099-01-06T10:00:00Z") });
    const hit = await createMilestone(db, { ...inCampaign, name: "Brief approved", dueDate: "2026-11-24" });
    await db.update(milestones).set({ completedAt: new Date("2026-11-24T10:00:00Z") }).where(eq(milestones.id, hit.id));
    await createMilestone(db, { ...inCampaign, name: "Creative ready", dueDate: "2026-11-26" });
    await createMilestone(db, { ...inCampaign, name: "Next week's", dueDate: "2026-12-02" });
    const post = await createContentItem(db, { ...inCampaign, title: "Teaser post", channel: "linkedin", scheduledAt: new Date("2026-12-01T09:00:00Z") });
    await createContentItem(db, { ...inCampaign, title: "Later post", scheduledAt: new Date("2026-12-08T09:00:00Z") });

    const outcome = await recordDigest(db, { kind: "weekly", workspaceId: ws, userId: team.manager.id, period: "2026-W49" }, { smtpUrl: null });
    const base = appUrl();
    expect(outcome).toEqual({
      email: expect.objectContaining({
        subject: "Your campaigns in Alpha, week of Nov 30",
        idempotencyKey: `digest:weekly:${ws}:${team.manager.id}:2026-W49`,
        text: [
          "Hello Manager Alpha,",
          "",
          "Your active campaigns in Alpha: last week (Nov 23 – Nov 29, 2026) and the week ahead, from Mon, Nov 30, 2026.",
          "",
          "Spring launch",
          `${base}/campaigns/${campaign.id}`,
          "  2 tasks open now, 1 of them overdue",
          "",
          "  Tasks done last week (1)",
          "  - Write the brief",
          `    ${base}/tasks/${done.id}`,
          "",
          "  Milestones hit last week (1)",
          "  - Brief approved, due Nov 24",
          `    ${base}/campaigns/${campaign.id}`,
          "",
          "  Milestones missed last week (1)",
          "  - Creative ready, due Nov 26",
          `    ${base}/campaigns/${campaign.id}`,
          "",
          "  Content scheduled this week (1)",
          "  - Teaser post (linkedin), Tue, Dec 1, 2026, 9:00 AM",
          `    ${base}/campaigns/${campaign.id}/content/${post.id}`,
          "",
          `All campaigns: ${base}/campaigns`,
          `Change when this email comes, or turn it off: ${base}/account`,
        ].join("\n"),
      }),
    });
    // An owner with no active campaign has nothing to say.
    expect(await recordDigest(db, { kind: "weekly", workspaceId: ws, userId: team.admin.id, period: "2026-W49" }, { smtpUrl: null })).toEqual({
      skipped: "nothing to say",
    });
  });
});
