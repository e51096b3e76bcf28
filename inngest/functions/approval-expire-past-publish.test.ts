// The publish-time sweep on the real SDK and the embedded executor: a pending
// request whose item's publish time has passed expires, its requester is told,
// and firing again changes nothing more; one still in time keeps waiting.
import { and, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect } from "vitest";
import type { Database } from "@/db";
import { createCampaign, createContentItem, createTeam } from "@/db/factories";
import { approvalRequests, auditLog, contentItems, notifications, workflowJobs, workflowRuns } from "@/db/schema";
import { test } from "@/db/test-db";
import { requestContentApproval } from "@/server/services/approvals/request-approval";
import type { WorkflowExecutor } from "../executor/executor";
import { type ServeApp, startServeApp } from "../executor/testing/serve-app";
import { waitFor } from "../executor/testing/wait-for";
import { approvalExpirePastPublishFunction } from "./approval-expire-past-publish";

const cronId = "expiry-approval-expire-past-publish";
let app: ServeApp;
let database: Database;

beforeEach(async () => {
  app = await startServeApp("expiry", (client) => [approvalExpirePastPublishFunction(client, async () => database)]);
});

afterEach(async () => {
  await app.close();
});

const cronRuns = (db: Database) => db.select({ status: workflowRuns.status, output: workflowRuns.output }).from(workflowRuns).where(eq(workflowRuns.functionId, cronId));

async function fireCron(db: Database, executor: WorkflowExecutor) {
  const before = (await cronRuns(db)).length;
  await db.update(workflowJobs).set({ dueAt: sql`now()` }).where(and(eq(workflowJobs.kind, "cron"), eq(workflowJobs.functionId, cronId)));
  executor.wake();
  await waitFor(async () => {
    const runs = await cronRuns(db);
    return runs.length > before && runs.every((run) => run.status === "completed");
  }, "the cron's run");
  return (await cronRuns(db)).at(-1)!.output;
}

describe("approvals past their publish time", () => {
  test("expire once, telling the requester; those still in time keep waiting", async ({ db }) => {
    database = db;
    const team = await createTeam(db, { name: "Alpha" });
    const campaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.manager.id });
    const late = await createContentItem(db, { workspaceId: team.workspace.id, campaignId: campaign.id, title: "Flash sale" });
    const onTime = await createContentItem(db, { workspaceId: team.workspace.id, campaignId: campaign.id, title: "Spring teaser" });
    const scope = { workspaceId: team.workspace.id, actorId: team.marketer.id };
    const lateRequest = await requestContentApproval(db, { ...scope, contentItemId: late.id });
    const onTimeRequest = await requestContentApproval(db, { ...scope, contentItemId: onTime.id });
    // Its publish time passes while the request waits.
    await db.update(contentItems).set({ scheduledAt: new Date(Date.now() - 60_000) }).where(eq(contentItems.id, late.id));

    const executor = await app.startExecutor(db);
    expect(await fireCron(db, executor)).toEqual({ expired: 1 });
    const status = async (id: string) => (await db.select({ status: approvalRequests.status }).from(approvalRequests).where(eq(approvalRequests.id, id)))[0]!.status;
    expect(await status(lateRequest.id)).toBe("expired");
    expect(await status(onTimeRequest.id)).toBe("pending");
    const [item] = await db.select({ approvalStatus: contentItems.approvalStatus }).from(contentItems).where(eq(contentItems.id, late.id));
    expect(item!.approvalStatus).toBe("expired");
    const told = await db.select({ title: notifications.title }).from(notifications).where(and(eq(notifications.userId, team.marketer.id), eq(notifications.kind, "approval_outcome")));
    expect(told).toEqual([{ title: "“Flash sale” expired without a decision" }]);
    const [entry] = await db.select({ after: auditLog.after, actorId: auditLog.actorId }).from(auditLog).where(and(eq(auditLog.entityId, lateRequest.id), eq(auditLog.action, "expired")));
    expect(entry).toMatchObject({ actorId: null, after: { reason: "its publish time passed" } });

    expect(await fireCron(db, executor)).toEqual({ expired: 0 });
    expect(await db.select().from(notifications).where(eq(notifications.kind, "approval_outcome"))).toHaveLength(1);
  });
});
