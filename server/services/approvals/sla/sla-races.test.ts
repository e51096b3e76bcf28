// A stage's timeout checkpoint and an approver's decision at the same moment, on
// a real PostgreSQL server (PGlite runs one transaction at a time, so these are
// skipped there). Both lock the request first: exactly one of them settles the
// stage, and the other finds it settled and changes nothing.
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, inject } from "vitest";
import { approvalStage, createApprovalPolicy, createCampaign, createContentItem, createTeam } from "@/db/factories";
import { approvalRequests, auditLog } from "@/db/schema";
import { test } from "@/db/test-db";
import { AppError } from "@/server/errors";
import { decideApproval } from "../decide-approval";
import { requestContentApproval } from "../request-approval";
import { runStageCheckpoint } from "./run-stage-checkpoint";

const onPostgres = inject("testDatabaseTemplate").kind === "postgres";
const ROUNDS = 15;

describe.skipIf(!onPostgres)("SLA races on PostgreSQL", () => {
  test(`automatic approval against a rejection, ${ROUNDS} rounds: one of them settles the request, the other changes nothing`, async ({ db }) => {
    const team = await createTeam(db);
    await createApprovalPolicy(db, {
      workspaceId: team.workspace.id,
      channels: ["linkedin"],
      stages: [approvalStage({ onTimeout: { remind: false, escalateTo: null, then: "approve" } })],
    });
    const campaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.manager.id });
    const endings: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      const item = await createContentItem(db, { workspaceId: team.workspace.id, campaignId: campaign.id, title: `Post ${round}` });
      const request = await requestContentApproval(db, { workspaceId: team.workspace.id, actorId: team.marketer.id, contentItemId: item.id });
      const scope = { workspaceId: team.workspace.id, requestId: request.id };
      const [checkpoint, decision] = await Promise.all([
        runStageCheckpoint(db, { ...scope, round: request.round, checkpoint: { name: "auto-approval", kind: "approve" } }),
        decideApproval(db, { ...scope, by: { userId: team.manager.id }, version: 1, decision: "rejected", comment: "Off brand", anchor: null }).then(
          () => "rejected",
          (error: unknown) => {
            if (error instanceof AppError) return error.code;
            throw error;
          },
        ),
      ]);
      const [after] = await db.select({ status: approvalRequests.status }).from(approvalRequests).where(eq(approvalRequests.id, request.id));
      const closings = await db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.entityId, request.id), inArray(auditLog.action, ["approved", "rejected", "auto_approved"])));
      const ending = `${after!.status}: checkpoint ${"skipped" in checkpoint ? "skipped" : "ended"}, decision ${decision}, ${closings.map((c) => c.action).sort().join("+")}`;
      endings[ending] = (endings[ending] ?? 0) + 1;
    }
    for (const ending of Object.keys(endings)) {
      expect(["approved: checkpoint ended, decision CONFLICT, approved+auto_approved", "rejected: checkpoint skipped, decision rejected, rejected"]).toContain(ending);
    }
  });
});
