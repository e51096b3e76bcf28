import { and, eq } from "drizzle-orm";
import { describe, expect, inject } from "vitest";
import type { Database } from "@/db";
import { addMember, createCampaign, createContentItem, createTeam, createUser, uniqueEmail } from "@/db/factories";
import { approvalPolicies, approvalRequests, auditLog, campaigns, contentItems, eventOutbox, notifications, workspaces } from "@/db/schema";
import type { ApprovalStagePolicy } from "@/db/schema/enum-values";
import { test } from "@/db/test-db";
import { callerFor } from "@/server/api/test-caller";

const onPostgres = inject("testDatabaseTemplate").kind === "postgres";

function stage(name: string, approvers: Partial<ApprovalStagePolicy["approvers"]>, rule: ApprovalStagePolicy["rule"] = "any", quorum: number | null = null): ApprovalStagePolicy {
  return {
    name,
    approvers: { userIds: [], roles: [], emails: [], ...approvers },
    rule,
    quorum,
    remindEveryHours: null,
    timeout: { amount: 8, unit: "business_hours" },
    onTimeout: { remind: true, escalateTo: null, then: "wait" },
  };
}

/** A team with a second manager, a policy for LinkedIn posts of the given stages, and a post to ask about. */
async function setUp(db: Database, stages: (team: Awaited<ReturnType<typeof createTeam>> & { manager2: { id: string } }) => ApprovalStagePolicy[], extra: { allowSelfApproval?: boolean } = {}) {
  const base = await createTeam(db);
  const manager2 = await createUser(db, { email: uniqueEmail("manager2"), name: "Lena Fischer" });
  await addMember(db, { workspaceId: base.workspace.id, userId: manager2.id, role: "manager" });
  const team = { ...base, manager2 };
  await db.insert(approvalPolicies).values({ workspaceId: team.workspace.id, name: "Social review", channels: ["linkedin"], stages: stages(team), ...extra });
  const campaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.marketer.id });
  const item = await createContentItem(db, { workspaceId: team.workspace.id, campaignId: campaign.id, title: "Launch teaser", body: "Our new release is here." });
  return { team, campaign, item };
}

async function itemState(db: Database, id: string) {
  const [row] = await db.select({ approvalStatus: contentItems.approvalStatus, approvedVersion: contentItems.approvedVersion, version: contentItems.version }).from(contentItems).where(eq(contentItems.id, id));
  return row!;
}

describe("approval requests", () => {
  test("a two-stage request: each stage waits on its approvers, the last approval approves the item at its version", async ({ db }) => {
    const { team, item } = await setUp(db, (t) => [stage("Marketing review", { userIds: [t.manager.id] }), stage("Admin sign-off", { roles: ["admin"] })]);
    const marketer = await callerFor(db, team.marketer);
    const manager = await callerFor(db, team.manager);
    const admin = await callerFor(db, team.admin);

    const request = await marketer.approval.request({ contentItemId: item.id });
    expect(request).toMatchObject({ status: "pending", stageIndex: 0, version: 1, round: 1 });
    expect(await itemState(db, item.id)).toMatchObject({ approvalStatus: "in_review" });
    // The content page says where it stands: "In review: stage 1 of 2, Marketing review".
    expect(await marketer.approval.forContent({ contentItemId: item.id })).toMatchObject({
      approvalStatus: "in_review",
      request: { id: request.id, status: "pending", stage: 1, stageCount: 2, stageName: "Marketing review" },
      // The page checks unsaved text as it is typed, with the same rules.
      brandRules: { bannedPhrases: [], disclaimers: {} },
    });
    expect((await manager.approval.queue({ view: "waiting" })).rows.map((row) => row.title)).toEqual(["Launch teaser"]);
    expect((await admin.approval.queue({ view: "waiting" })).rows).toEqual([]);
    expect(await manager.approval.waitingCount()).toBe(1);
    const [told] = await db.select().from(notifications).where(and(eq(notifications.userId, team.manager.id), eq(notifications.kind, "approval_waiting")));
    expect(told?.title).toBe("“Launch teaser” waits on your approval (Marketing review)");

    await expect(admin.approval.decide({ requestId: request.id, version: 1, decision: "approved" })).rejects.toThrow(
      "Only the approvers of stage 1, “Marketing review”, can decide on this request now.",
    );
    expect(await manager.approval.decide({ requestId: request.id, version: 1, decision: "approved" })).toMatchObject({ effect: "next_stage" });
    expect(await manager.approval.waitingCount()).toBe(0);
    expect((await admin.approval.queue({ view: "waiting" })).rows.map((row) => row.stageName)).toEqual(["Admin sign-off"]);

    expect(await admin.approval.decide({ requestId: request.id, version: 1, decision: "approved" })).toMatchObject({ effect: "approved" });
    expect(await itemState(db, item.id)).toEqual({ approvalStatus: "approved", approvedVersion: 1, version: 1 });
    // The campaign's content list marks it approved at its current version.
    expect((await marketer.content.list({ campaignId: item.campaignId })).map((row) => [row.approvalStatus, row.approved])).toEqual([["approved", true]]);
    const detail = await marketer.approval.get({ requestId: request.id });
    expect(detail.status).toBe("approved");
    expect(detail.history.map((entry) => entry.text)).toEqual([
      `${team.marketer.name} requested approval of version 1 under the “Social review” policy`,
      "Stage 1, “Marketing review”, started, waiting on 1 approver",
      `${team.manager.name} approved (version 1, stage 1)`,
      "Stage 2, “Admin sign-off”, started, waiting on 1 approver",
      `${team.admin.name} approved (version 1, stage 2)`,
      "Approved (version 1)",
    ]);
    const outcome = await db.select().from(notifications).where(and(eq(notifications.userId, team.marketer.id), eq(notifications.kind, "approval_outcome")));
    expect(outcome.map((n) => n.title)).toEqual([`“Launch teaser” was approved (${team.admin.name})`]);
    // Each round told the engine it started and ended: the SLA flows wait on these.
    const events = await db.select({ id: eventOutbox.id }).from(eventOutbox);
    expect(events.map((e) => e.id).filter((id) => id.startsWith("approval-")).sort()).toEqual(
      [`approval-stage-ended:${request.id}:1`, `approval-stage-ended:${request.id}:2`, `approval-stage-started:${request.id}:1`, `approval-stage-started:${request.id}:2`].sort(),
    );
  });

  test("requesting changes needs a comment; an edit makes a new version, resubmitting starts over, and earlier decisions show their version", async ({ db }) => {
    const { team, item } = await setUp(db, (t) => [stage("Marketing review", { userIds: [t.manager.id] })]);
    const marketer = await callerFor(db, team.marketer);
    const manager = await callerFor(db, team.manager);
    const request = await marketer.approval.request({ contentItemId: item.id });

    await expect(manager.approval.decide({ requestId: request.id, version: 1, decision: "changes_requested" })).rejects.toThrow(
      "Say what should change: the comment is required.",
    );
    await expect(manager.approval.decide({ requestId: request.id, version: 1, decision: "rejected", comment: "" })).rejects.toThrow("Say why you reject it");
    await manager.approval.decide({ requestId: request.id, version: 1, decision: "changes_requested", comment: "Say when it ships.", anchor: { start: 4, end: 15 } });
    expect(await itemState(db, item.id)).toMatchObject({ approvalStatus: "changes_requested" });

    await marketer.content.update({ contentItemId: item.id, body: "Our new release ships on Monday." });
    const resubmitted = await marketer.approval.request({ contentItemId: item.id });
    expect(resubmitted).toMatchObject({ id: request.id, status: "pending", version: 2, stageIndex: 0, round: 2 });
    const detail = await manager.approval.get({ requestId: request.id });
    expect(detail.decisions).toEqual([expect.objectContaining({ version: 1, onOldVersion: true, comment: "Say when it ships.", anchor: { start: 4, end: 15, quote: "new release" } })]);
    expect(detail.diff?.body.filter((part) => part.added).map((part) => part.value.trim())).toEqual(["ships on Monday"]);
    expect(detail.viewer.canDecide).toBe(true);

    await expect(manager.approval.decide({ requestId: request.id, version: 1, decision: "approved" })).rejects.toThrow(
      "The content changed while you were looking: the request is now on version 2, and you decided on version 1.",
    );
    await manager.approval.decide({ requestId: request.id, version: 2, decision: "approved" });
    expect(await itemState(db, item.id)).toEqual({ approvalStatus: "approved", approvedVersion: 2, version: 2 });

    // Editing an approved item: the approval stays with version 2 and no longer holds.
    await marketer.content.update({ contentItemId: item.id, body: "Our new release ships on Tuesday." });
    expect(await itemState(db, item.id)).toEqual({ approvalStatus: "draft", approvedVersion: 2, version: 3 });
  });

  test("an edit while a request waits sends it back to the first stage at the new version, and says so", async ({ db }) => {
    const { team, item } = await setUp(db, (t) => [stage("Marketing review", { userIds: [t.manager.id] }), stage("Admin sign-off", { roles: ["admin"] })]);
    const marketer = await callerFor(db, team.marketer);
    const manager = await callerFor(db, team.manager);
    const request = await marketer.approval.request({ contentItemId: item.id });
    await manager.approval.decide({ requestId: request.id, version: 1, decision: "approved" });

    await marketer.content.update({ contentItemId: item.id, title: "Launch teaser, take two" });
    const [row] = await db.select().from(approvalRequests).where(eq(approvalRequests.id, request.id));
    expect(row).toMatchObject({ status: "pending", stageIndex: 0, version: 2, round: 3 });
    expect(await manager.approval.waitingCount()).toBe(1);
    const detail = await manager.approval.get({ requestId: request.id });
    expect(detail.history.map((entry) => entry.text)).toContain(
      `${team.marketer.name} edited it to version 2: the request went back to the first stage, and earlier decisions are on version 1`,
    );
    expect(detail.decisions.map((decision) => [decision.version, decision.onOldVersion])).toEqual([[1, true]]);
  });

  test("rules: a majority of three needs two approvals; at least N counts N", async ({ db }) => {
    const { team, item } = await setUp(db, (t) => [stage("Leads", { userIds: [t.manager.id, t.manager2.id, t.admin.id] }, "majority")]);
    const marketer = await callerFor(db, team.marketer);
    const request = await marketer.approval.request({ contentItemId: item.id });
    expect(await (await callerFor(db, team.manager)).approval.decide({ requestId: request.id, version: 1, decision: "approved" })).toMatchObject({ effect: "counted" });
    await expect((await callerFor(db, team.manager)).approval.decide({ requestId: request.id, version: 1, decision: "approved" })).rejects.toThrow(
      "You have already decided on this stage.",
    );
    expect(await (await callerFor(db, team.manager2)).approval.decide({ requestId: request.id, version: 1, decision: "approved" })).toMatchObject({ effect: "approved" });
    await expect((await callerFor(db, team.admin)).approval.decide({ requestId: request.id, version: 1, decision: "approved" })).rejects.toThrow(
      "This request is no longer waiting for a decision: it was approved.",
    );
  });

  test("the requester can't approve their own request unless the policy allows it", async ({ db }) => {
    const { team, item } = await setUp(db, (t) => [stage("Managers", { roles: ["manager"], userIds: [t.marketer.id] })]);
    const marketer = await callerFor(db, team.marketer);
    const request = await marketer.approval.request({ contentItemId: item.id });
    await expect(marketer.approval.decide({ requestId: request.id, version: 1, decision: "approved" })).rejects.toThrow(
      "You asked for this approval, and the “Social review” policy doesn't let people approve their own requests.",
    );
    expect((await marketer.approval.queue({ view: "waiting" })).rows).toEqual([]);
    expect((await marketer.approval.queue({ view: "mine" })).rows.map((row) => row.id)).toEqual([request.id]);
  });

  test("bulk approval decides each request on the version seen and lists the stale ones", async ({ db }) => {
    const { team, campaign, item } = await setUp(db, (t) => [stage("Marketing review", { userIds: [t.manager.id] })]);
    const other = await createContentItem(db, { workspaceId: team.workspace.id, campaignId: campaign.id, title: "Second post" });
    const marketer = await callerFor(db, team.marketer);
    const manager = await callerFor(db, team.manager);
    const first = await marketer.approval.request({ contentItemId: item.id });
    const second = await marketer.approval.request({ contentItemId: other.id });
    await marketer.content.update({ contentItemId: other.id, body: "Changed after the manager looked." });

    const result = await manager.approval.bulkDecide({
      items: [
        { requestId: first.id, version: 1 },
        { requestId: second.id, version: 1 },
      ],
      decision: "approved",
      comment: "Fine by me",
    });
    expect(result.decided).toEqual([first.id]);
    expect(result.skipped).toEqual([{ requestId: second.id, reason: expect.stringContaining("the request is now on version 2") }]);
    expect(await itemState(db, other.id)).toMatchObject({ approvalStatus: "in_review", approvedVersion: null });
    await expect(manager.approval.bulkDecide({ items: [{ requestId: second.id, version: 2 }], decision: "rejected", comment: "" })).rejects.toThrow("Say why you reject it");
  });

  test("the queue: all pending is for managers; filters by overdue and stage; another workspace's requests stay invisible", async ({ db }) => {
    const { team, item } = await setUp(db, (t) => [stage("Marketing review", { userIds: [t.manager.id] })]);
    const marketer = await callerFor(db, team.marketer);
    const request = await marketer.approval.request({ contentItemId: item.id });
    await expect(marketer.approval.queue({ view: "pending" })).rejects.toThrow("Only managers and admins see every pending request.");
    const manager = await callerFor(db, team.manager);
    expect((await manager.approval.queue({ view: "pending", stage: 1 })).rows.map((row) => row.id)).toEqual([request.id]);
    expect((await manager.approval.queue({ view: "pending", stage: 2 })).rows).toEqual([]);
    expect((await manager.approval.queue({ view: "pending", overdue: true })).rows).toEqual([]);
    await db.update(approvalRequests).set({ stageDueAt: new Date(Date.now() - 60_000) }).where(eq(approvalRequests.id, request.id));
    expect((await manager.approval.queue({ view: "pending", overdue: true })).rows).toEqual([expect.objectContaining({ id: request.id, overdue: true })]);

    const stranger = await createTeam(db);
    const outsider = await callerFor(db, stranger.admin);
    expect((await outsider.approval.queue({ view: "pending" })).rows).toEqual([]);
    await expect(outsider.approval.get({ requestId: request.id })).rejects.toThrow("That approval request does not exist in this workspace.");
    await expect(outsider.approval.decide({ requestId: request.id, version: 1, decision: "approved" })).rejects.toThrow("does not exist in this workspace");
  });

  test("a campaign plan goes through its type's policy: direct approval is refused, the last stage approves the campaign", async ({ db }) => {
    const team = await createTeam(db);
    await db.insert(approvalPolicies).values({ workspaceId: team.workspace.id, name: "Launch plans", campaignTypes: ["product_launch"], stages: [stage("Leadership", { roles: ["admin"] })] });
    const campaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.marketer.id, type: "product_launch", status: "planned" });
    const marketer = await callerFor(db, team.marketer);
    const manager = await callerFor(db, team.manager);
    await marketer.campaign.setStatus({ campaignId: campaign.id, status: "in_review" });
    await expect(manager.campaign.setStatus({ campaignId: campaign.id, status: "approved" })).rejects.toThrow(
      "This campaign's plan is approved through the “Launch plans” policy: approve its request on the Approvals page.",
    );
    const admin = await callerFor(db, team.admin);
    // Editing the plan while it waits makes version 2, from the first stage again.
    await marketer.campaign.update({ campaignId: campaign.id, goal: "Double the sign-ups" });
    const [waiting] = (await admin.approval.queue({ view: "waiting" })).rows;
    expect(waiting).toMatchObject({ version: 2 });
    expect(waiting).toMatchObject({ subject: "campaign", title: campaign.name, stageName: "Leadership" });
    await admin.approval.decide({ requestId: waiting!.id, version: 2, decision: "approved" });
    const [after] = await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(after?.status).toBe("approved");
    const history = await db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "campaign"), eq(auditLog.entityId, campaign.id), eq(auditLog.action, "status_changed")));
    expect(history.map((entry) => entry.after?.status)).toEqual(["in_review", "approved"]);
  });

  test("a stage nobody but the requester could decide is refused, and nothing is written", async ({ db }) => {
    const { team, item } = await setUp(db, (t) => [stage("Self", { userIds: [t.marketer.id] })]);
    const marketer = await callerFor(db, team.marketer);
    await expect(marketer.approval.request({ contentItemId: item.id })).rejects.toThrow("has nobody who can decide but you");
    expect(await db.select().from(approvalRequests)).toEqual([]);
    expect(await itemState(db, item.id)).toMatchObject({ approvalStatus: "draft" });
  });

  test("a business-hours timeout falls inside the workspace's working day", async ({ db }) => {
    const { team, item } = await setUp(db, (t) => [stage("Marketing review", { userIds: [t.manager.id] })]);
    await db.update(workspaces).set({ timeZone: "Europe/Berlin" }).where(eq(workspaces.id, team.workspace.id));
    const { requestContentApproval } = await import("@/server/services/approvals/request-approval");
    // Friday 16:00 in Berlin (15:00 UTC): one hour left that day, seven more on Monday, so Monday 16:00.
    const request = await requestContentApproval(db, { workspaceId: team.workspace.id, actorId: team.marketer.id, contentItemId: item.id, now: new Date("2026-12-04T15:00:00Z") });
    expect(request.stageDueAt?.toISOString()).toBe("2026-12-07T15:00:00.000Z");
  });
});

describe.skipIf(!onPostgres)("approval races on PostgreSQL", () => {
  test("two approvers of an “any one” stage deciding at the same moment make exactly one stage transition, 10 rounds", async ({ db }) => {
    const { team, campaign } = await setUp(db, (t) => [stage("Either manager", { userIds: [t.manager.id, t.manager2.id] }), stage("Admin", { roles: ["admin"] })]);
    const marketer = await callerFor(db, team.marketer);
    const [first, second] = [await callerFor(db, team.manager), await callerFor(db, team.manager2)];
    for (let round = 0; round < 10; round++) {
      const item = await createContentItem(db, { workspaceId: team.workspace.id, campaignId: campaign.id, title: `Race ${round}` });
      const request = await marketer.approval.request({ contentItemId: item.id });
      const outcomes = await Promise.allSettled([
        first.approval.decide({ requestId: request.id, version: 1, decision: "approved" }),
        second.approval.decide({ requestId: request.id, version: 1, decision: "approved" }),
      ]);
      const fulfilled = outcomes.filter((o) => o.status === "fulfilled");
      const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
      expect(fulfilled).toHaveLength(1);
      expect(rejected.map((o) => (o.reason as Error).message)).toEqual([expect.stringMatching(/no longer|stage 2|already decided/)]);
      const started = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, "approval_request"), eq(auditLog.entityId, request.id), eq(auditLog.action, "stage_started")));
      expect(started).toHaveLength(2);
      const [row] = await db.select({ stageIndex: approvalRequests.stageIndex, round: approvalRequests.round }).from(approvalRequests).where(eq(approvalRequests.id, request.id));
      expect(row).toEqual({ stageIndex: 1, round: 2 });
    }
  });
});
