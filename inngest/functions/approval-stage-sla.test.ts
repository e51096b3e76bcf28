// A stage's SLA on the real SDK and the embedded executor, fed by the events
// outbox the approval services write to: a decision ends the waiting run; woken
// checkpoint by checkpoint, the ladder reminds, escalates and approves (or
// expires), with history, notifications and emails; and a step of a round that
// has ended does nothing.
import { and, asc, eq, like } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect } from "vitest";
import type { Database } from "@/db";
import { createCampaign, createContentItem, createTeam } from "@/db/factories";
import { approvalApprovers, approvalRequests, auditLog, contentItems, notifications, outboxEmails, users, workflowFunctions, workflowRuns, workspaces, workflowSteps } from "@/db/schema";
import type { ApprovalStagePolicy } from "@/db/schema/enum-values";
import { test } from "@/db/test-db";
import { saveApprovalPolicy } from "@/server/services/approval-policies/save-approval-policy";
import { decideApproval } from "@/server/services/approvals/decide-approval";
import { describeApprovalEntry } from "@/server/services/approvals/history-words";
import { requestContentApproval } from "@/server/services/approvals/request-approval";
import { runStageCheckpoint } from "@/server/services/approvals/sla/run-stage-checkpoint";
import { runFactsColumns } from "@/server/services/workflows/run-facts-sql";
import { wakeStep } from "../executor/control";
import { executorHooks } from "../executor-hooks";
import { WorkflowExecutor } from "../executor/executor";
import { type ServeApp, startServeApp } from "../executor/testing/serve-app";
import { executorDeliverer } from "../outbox/deliverers";
import { OutboxRelay } from "../outbox/relay";
import { approvalStageSlaFunction } from "./approval-stage-sla";

const functionId = "sla-approval-stage-sla";
let app: ServeApp;
let database: Database;

beforeEach(async () => {
  app = await startServeApp("sla", (client) => [approvalStageSlaFunction(client, async () => database)]);
});

afterEach(async () => {
  await app.close();
});

async function start(db: Database) {
  database = db;
  const executor = new WorkflowExecutor({ db, appUrls: [app.serveUrl], signingKey: app.signingKey, backoffMs: () => 50, hooks: executorHooks });
  await executor.sync();
  const relay = new OutboxRelay({ db, deliverer: executorDeliverer(executor) });
  const settle = async () => {
    await relay.deliverDue();
    await executor.drain();
  };
  /** Ends the run's wait now, as "Wake now" on /runs does, and lets it reach its next one. */
  const wake = async (runId: string) => {
    await wakeStep(db, runId, (await waitingAt(db, runId)).stepId);
    executor.wake();
    await settle();
  };
  return { executor, settle, wake };
}

const runsOf = (db: Database) => db.select().from(workflowRuns).where(eq(workflowRuns.functionId, functionId)).orderBy(asc(workflowRuns.createdAt));

async function waitingAt(db: Database, runId: string) {
  const [step] = await db
    .select({ stepId: workflowSteps.stepId, name: workflowSteps.name, dueAt: workflowSteps.dueAt })
    .from(workflowSteps)
    .where(and(eq(workflowSteps.runId, runId), eq(workflowSteps.status, "waiting")));
  return step!;
}

const ladderStage = (overrides: Partial<ApprovalStagePolicy> = {}) => ({
  approvers: { userIds: [], roles: [], emails: [] },
  onTimeout: { remind: false, escalateTo: null, then: "wait" as const },
  name: "Brand review",
  rule: "any" as const,
  quorum: null,
  remindEveryHours: null,
  timeout: { amount: 4, unit: "business_hours" as const },
  ...overrides,
});

async function setUp(db: Database, team: Awaited<ReturnType<typeof createTeam>>, stage: ApprovalStagePolicy) {
  await saveApprovalPolicy(db, {
    workspaceId: team.workspace.id,
    actorId: team.admin.id,
    name: "Social posts",
    stages: [stage],
    allowSelfApproval: false,
    requireChecks: false,
    campaignTypes: [],
    channels: ["linkedin"],
  });
  const campaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.manager.id, name: "Spring launch" });
  const item = await createContentItem(db, { workspaceId: team.workspace.id, campaignId: campaign.id, title: "Spring teaser" });
  const request = await requestContentApproval(db, { workspaceId: team.workspace.id, actorId: team.marketer.id, contentItemId: item.id });
  return { team, item, request };
}

async function history(db: Database, requestId: string) {
  const rows = await db
    .select({ action: auditLog.action, actorName: users.name, after: auditLog.after, before: auditLog.before })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(eq(auditLog.entityId, requestId))
    .orderBy(asc(auditLog.createdAt), asc(auditLog.id));
  return rows.map((row) => describeApprovalEntry({ ...row, after: row.after as Record<string, unknown>, before: row.before as Record<string, unknown> }));
}

const emailsTo = (db: Database, to: string) =>
  db.select({ subject: outboxEmails.subject, text: outboxEmails.text }).from(outboxEmails).where(and(eq(outboxEmails.to, to), like(outboxEmails.idempotencyKey, "approval-review:%"))).orderBy(asc(outboxEmails.createdAt));

const titlesFor = (db: Database, userId: string) =>
  db.select({ title: notifications.title }).from(notifications).where(eq(notifications.userId, userId)).orderBy(asc(notifications.createdAt)).then((rows) => rows.map((row) => row.title));

describe("a stage's SLA", () => {
  test("woken checkpoint by checkpoint: reminds, escalates, then approves automatically, with history, notifications and emails", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha" });
    // Members read the due time in their own zone; external reviewers in the workspace's.
    await db.update(workspaces).set({ timeZone: "Europe/Berlin" }).where(eq(workspaces.id, team.workspace.id));
    await db.update(users).set({ timeZone: "America/Los_Angeles", locale: "en-US" }).where(eq(users.id, team.manager.id));
    const { item, request } = await setUp(db, team, {
      ...ladderStage(),
      approvers: { userIds: [team.manager.id], roles: [], emails: ["nia@agency.example"] },
      onTimeout: { remind: true, escalateTo: { userIds: [team.admin.id], roles: [] }, then: "approve" },
    });
    const { settle, wake } = await start(db);
    await settle();

    const [run] = await runsOf(db);
    expect(run!.status).toBe("waiting");
    const first = await waitingAt(db, run!.id);
    expect(first.name).toBe("wait-for-timeout-reminder");
    expect(first.dueAt!.getTime()).toBe(request.stageDueAt!.getTime());
    // /runs names the request the run is about (its reads join the function, so columns are qualified as here).
    const [facts] = await db
      .select({ approvalTitle: runFactsColumns.approvalTitle })
      .from(workflowRuns)
      .leftJoin(workflowFunctions, eq(workflowFunctions.id, workflowRuns.functionId))
      .where(eq(workflowRuns.id, run!.id));
    expect(facts!.approvalTitle).toBe("Spring teaser");
    // Every approver of the round got their own review link when the stage started.
    const [managerEmail] = await emailsTo(db, team.manager.email);
    expect(managerEmail!.subject).toBe("Approval requested: “Spring teaser”");
    expect(managerEmail!.text).toMatch(/Review it here: http\S+\/review\/[0-9a-f-]{36}\.[\w-]{43}\n/);
    expect(managerEmail!.text).toContain("Opening the link decides nothing");
    const [externalEmail] = await emailsTo(db, "nia@agency.example");
    expect(externalEmail!.text).toContain("Campaign: Spring launch");
    expect(managerEmail!.text).toMatch(/Please decide by .+ PST\./);
    expect(externalEmail!.text).toMatch(/Please decide by .+ (CET|GMT\+1)\./);
    expect(externalEmail!.text).not.toEqual(managerEmail!.text);

    await wake(run!.id);
    expect((await waitingAt(db, run!.id)).name).toBe("wait-for-escalation");
    expect(await titlesFor(db, team.manager.id)).toContain("Reminder: “Spring teaser” waits on your approval (Brand review)");
    expect((await emailsTo(db, "nia@agency.example")).map((email) => email.subject)).toEqual([
      "Approval requested: “Spring teaser”",
      "Reminder: “Spring teaser” waits on your approval",
    ]);

    await wake(run!.id);
    expect((await waitingAt(db, run!.id)).name).toBe("wait-for-auto-approval");
    const escalated = await db.select().from(approvalApprovers).where(and(eq(approvalApprovers.requestId, request.id), eq(approvalApprovers.escalated, true)));
    expect(escalated.map((row) => [row.userId, row.round, row.waiting])).toEqual([[team.admin.id, request.round, true]]);
    expect(await titlesFor(db, team.admin.id)).toContain("“Spring teaser” was escalated to you: nobody decided in time (Brand review)");
    expect((await emailsTo(db, team.admin.email)).map((email) => email.subject)).toEqual(["Escalated to you: approve “Spring teaser”"]);

    await wake(run!.id);
    const [done] = await runsOf(db);
    expect(done!.status).toBe("completed");
    const [after] = await db.select().from(approvalRequests).where(eq(approvalRequests.id, request.id));
    expect(after!.status).toBe("approved");
    const [approvedItem] = await db.select().from(contentItems).where(eq(contentItems.id, item.id));
    expect([approvedItem!.approvalStatus, approvedItem!.approvedVersion]).toEqual(["approved", 1]);
    expect(await titlesFor(db, team.marketer.id)).toContain("“Spring teaser” was approved (Crescendo)");
    expect(await history(db, request.id)).toEqual([
      "Marketer Alpha requested approval of version 1 under the “Social posts” policy",
      "Stage 1, “Brand review”, started, waiting on 2 approvers",
      "Crescendo reminded Manager Alpha, nia@agency.example",
      "Crescendo escalated it to Admin Alpha",
      "Crescendo approved stage 1 automatically when it timed out",
      "Approved (version 1)",
    ]);
  });

  test("a decision ends the round: the waiting run finishes and nobody is reminded", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha" });
    const { request } = await setUp(db, team, {
      ...ladderStage({ remindEveryHours: 1 }),
      approvers: { userIds: [team.manager.id], roles: [], emails: [] },
      onTimeout: { remind: true, escalateTo: null, then: "expire" },
    });
    const { settle } = await start(db);
    await settle();
    const [run] = await runsOf(db);
    expect((await waitingAt(db, run!.id)).name).toMatch(/^wait-for-(reminder-1|timeout-reminder)$/);

    await decideApproval(db, { workspaceId: team.workspace.id, by: { userId: team.manager.id }, requestId: request.id, version: 1, decision: "approved", comment: "", anchor: null });
    await settle();
    const [done] = await runsOf(db);
    expect(done!.status).toBe("completed");
    expect((await titlesFor(db, team.manager.id)).filter((title) => title.startsWith("Reminder"))).toEqual([]);
  });

  test("the ladder can expire the request, telling the requester", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha" });
    const { item, request } = await setUp(db, team, {
      ...ladderStage(),
      approvers: { userIds: [], roles: ["manager"], emails: [] },
      onTimeout: { remind: false, escalateTo: null, then: "expire" },
    });
    const { settle, wake } = await start(db);
    await settle();
    const [run] = await runsOf(db);
    expect((await waitingAt(db, run!.id)).name).toBe("wait-for-expiry");
    await wake(run!.id);
    expect((await runsOf(db))[0]!.status).toBe("completed");
    const [after] = await db.select().from(approvalRequests).where(eq(approvalRequests.id, request.id));
    expect(after!.status).toBe("expired");
    const [expiredItem] = await db.select().from(contentItems).where(eq(contentItems.id, item.id));
    expect(expiredItem!.approvalStatus).toBe("expired");
    expect(await titlesFor(db, team.marketer.id)).toContain("“Spring teaser” expired without a decision");
    expect((await history(db, request.id)).at(-1)).toBe("Expired: stage 1, “Brand review”, timed out without a decision");
  });

  test("a checkpoint of a round that has ended does nothing", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha" });
    const { request } = await setUp(db, team, {
      ...ladderStage(),
      approvers: { userIds: [team.manager.id], roles: [], emails: [] },
      onTimeout: { remind: true, escalateTo: { userIds: [team.admin.id], roles: [] }, then: "approve" },
    });
    const scope = { workspaceId: team.workspace.id, requestId: request.id };
    const before = await history(db, request.id);
    // An old round (the stage restarted since), then the request decided.
    expect(await runStageCheckpoint(db, { ...scope, round: request.round - 1, checkpoint: { name: "auto-approval", kind: "approve" } })).toEqual({
      skipped: "the stage moved on to a new round",
    });
    await decideApproval(db, { workspaceId: team.workspace.id, by: { userId: team.manager.id }, requestId: request.id, version: 1, decision: "rejected", comment: "Off brand", anchor: null });
    for (const kind of ["remind", "escalate", "approve", "expire"] as const) {
      expect(await runStageCheckpoint(db, { ...scope, round: request.round, checkpoint: { name: kind, kind } })).toEqual({ skipped: "the request is rejected" });
    }
    const [after] = await db.select().from(approvalRequests).where(eq(approvalRequests.id, request.id));
    expect(after!.status).toBe("rejected");
    expect((await history(db, request.id)).slice(before.length)).toEqual(["Manager Alpha rejected (version 1, stage 1): “Off brand”", "Rejected (version 1)"]);
    expect(await db.select().from(approvalApprovers).where(eq(approvalApprovers.escalated, true))).toEqual([]);
  });
});
