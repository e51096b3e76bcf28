import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { verifyCredentials } from "@/server/services/accounts/verify-credentials";
import { listMyWorkspaces } from "@/server/services/workspaces/list-my-workspaces";
import { approvalPolicies, approvalRequests, auditLog, campaigns, contentItems, memberships, milestones, outboxEmails, tasks, timeOff, users, workspaces } from "./schema";
import { DEMO_WORKSPACE, seedDemo } from "./seed";
import { test } from "./test-db";
import { snapshotDatabase } from "./test-snapshot";

// Written out rather than imported: it is what the README and the demo tell people to type.
const DEMO_PASSWORD = "crescendo-demo";

describe("seedDemo", () => {
  test("creates Acme Marketing with demo people who can sign in with the demo password", async ({ db }) => {
    expect(await seedDemo(db)).toEqual({ seeded: true });

    const [acme] = await db.select().from(workspaces).where(eq(workspaces.name, DEMO_WORKSPACE));
    expect(acme).toBeDefined();
    for (const [email, role] of [
      ["admin@demo.test", "admin"],
      ["manager@demo.test", "manager"],
      ["marketer@demo.test", "marketer"],
    ] as const) {
      const user = await verifyCredentials(db, { email, password: DEMO_PASSWORD });
      expect(user, `${email} signs in with ${DEMO_PASSWORD}`).not.toBeNull();
      expect(await listMyWorkspaces(db, { userId: user!.id })).toContainEqual({ id: acme!.id, name: "Acme Marketing", role });
    }
  });

  test("plans campaigns of several types and statuses, with template milestones and content across this month and the next", async ({ db }) => {
    await seedDemo(db);
    const [acme] = await db.select().from(workspaces).where(eq(workspaces.name, DEMO_WORKSPACE));
    const plans = await db.select().from(campaigns).where(eq(campaigns.workspaceId, acme!.id));
    expect(new Set(plans.map((campaign) => campaign.type)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(plans.map((campaign) => campaign.status))).toEqual(new Set(["active", "planned", "approved", "in_review", "draft"]));

    const planned = await db.select().from(milestones);
    for (const campaign of plans) expect(planned.filter((m) => m.campaignId === campaign.id).length, campaign.name).toBeGreaterThanOrEqual(4);

    const items = await db.select().from(contentItems);
    const days = items.map((item) => (item.scheduledAt!.getTime() - Date.now()) / 86_400_000);
    expect(days.filter((d) => d >= 0 && d <= 31).length).toBeGreaterThanOrEqual(10);
    expect(days.filter((d) => d > 15 && d <= 62).length).toBeGreaterThanOrEqual(2);
    // Made through the services, so the history shows who did what.
    expect((await db.select().from(auditLog)).some((entry) => entry.action === "status_changed" && entry.after?.status === "approved")).toBe(true);
  });

  test("the campaigns' tasks come from their templates, handed out by skill: some done, a few overdue, one blocked; one person is away next week", async ({ db }) => {
    await seedDemo(db);
    const [acme] = await db.select().from(workspaces).where(eq(workspaces.name, DEMO_WORKSPACE));
    const plans = await db.select().from(campaigns).where(eq(campaigns.workspaceId, acme!.id));
    const work = await db.select().from(tasks).where(eq(tasks.workspaceId, acme!.id));
    for (const campaign of plans) expect(work.filter((t) => t.campaignId === campaign.id).length, campaign.name).toBeGreaterThanOrEqual(6);
    expect(work.every((t) => t.templateKey !== null && t.assigneeId !== null)).toBe(true);
    expect(work.filter((t) => t.status === "done").length).toBeGreaterThanOrEqual(5);
    const overdue = work.filter((t) => t.status !== "done" && t.dueAt! < new Date());
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(overdue.length).toBeLessThanOrEqual(6);
    const blocked = work.filter((t) => t.status === "blocked");
    expect(blocked.map((t) => [t.title, t.blockedReason])).toEqual([["Produce the demo video", "Waiting for the final 3.0 build from engineering"]]);

    const team = await db.select({ name: users.name, skills: memberships.skills, capacity: memberships.weeklyCapacityHours }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(memberships.workspaceId, acme!.id));
    expect(team.find((m) => m.name === "Priya Shah")).toMatchObject({ skills: ["copywriting", "design"] });
    expect(team.filter((m) => m.skills.length > 0).length).toBeGreaterThanOrEqual(5);
    const away = await db.select().from(timeOff).where(eq(timeOff.workspaceId, acme!.id));
    expect(away).toHaveLength(1);
  });

  test("the outbox holds today's digests: someone's work for the day and an active campaign owner's weekly summary", async ({ db }) => {
    await seedDemo(db);
    const keys = (await db.select({ key: outboxEmails.idempotencyKey }).from(outboxEmails)).map((row) => row.key);
    expect(keys.some((key) => key.startsWith("digest:daily:"))).toBe(true);
    expect(keys.some((key) => key.startsWith("digest:weekly:"))).toBe(true);
  });

  test("approvals: brand rules, a two-stage policy, three posts waiting on Maya Patel (one overdue) and one approved through both stages", async ({ db }) => {
    await seedDemo(db);
    const [acme] = await db.select().from(workspaces).where(eq(workspaces.name, DEMO_WORKSPACE));
    expect(acme!.brandRules.bannedPhrases.map((rule) => rule.phrase)).toContain("guaranteed");
    const [policy] = await db.select().from(approvalPolicies).where(eq(approvalPolicies.workspaceId, acme!.id));
    expect(policy!.stages.map((stage) => stage.name)).toEqual(["Marketing review", "Admin sign-off"]);
    const manager = await db.query.users.findFirst({ where: eq(users.email, "manager@demo.test") });
    const { listApprovalQueue } = await import("@/server/services/approvals/list-approval-queue");
    const waiting = await listApprovalQueue(db, { workspaceId: acme!.id, actorId: manager!.id, role: "manager", view: "waiting", sort: "due", limit: 50 });
    expect(waiting.rows.map((row) => [row.title, row.overdue])).toEqual([
      ["Launch thread", true],
      ["Contoso story teaser", false],
      ["Northwind in pictures", false],
    ]);
    // The overdue post was asked days ago: its history says so, not the moment the demo was made.
    const overdue = waiting.rows[0]!;
    const history = await db.select({ at: auditLog.createdAt }).from(auditLog).where(eq(auditLog.entityId, overdue.id));
    expect(history.length).toBeGreaterThanOrEqual(2);
    for (const entry of history) expect(entry.at).toEqual(overdue.requestedAt);
    expect(overdue.requestedAt.getTime()).toBeLessThan(Date.now() - 86_400_000);
    const decided = await db.select({ status: approvalRequests.status }).from(approvalRequests).where(eq(approvalRequests.status, "approved"));
    expect(decided).toHaveLength(1);
    const [announcement] = await db.select().from(contentItems).where(eq(contentItems.title, "Webinar announcement"));
    expect(announcement).toMatchObject({ approvalStatus: "approved", approvedVersion: 1 });
  });

  test("running it twice changes nothing", async ({ db }) => {
    await seedDemo(db);
    const once = await snapshotDatabase(db);

    expect(await seedDemo(db)).toEqual({ seeded: false });
    expect(await snapshotDatabase(db)).toEqual(once);
  });
});
