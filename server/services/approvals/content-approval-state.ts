// What the content item page shows of approval: the checks of its current
// version, and its latest request (open or decided), if any.
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { approvalRequests, workspaces } from "@/db/schema";
import { findContentItem } from "@/server/services/content/find-content-item";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { checkContent } from "./check-content";

export async function getContentApprovalState(db: Database, input: { workspaceId: string; actorId: string; contentItemId: string }) {
  await assertActorRole(db, input, "viewer");
  const { item } = await findContentItem(db, input);
  const [[workspace], [latest]] = await Promise.all([
    db.select({ brandRules: workspaces.brandRules }).from(workspaces).where(eq(workspaces.id, input.workspaceId)),
    db
      .select({ id: approvalRequests.id, status: approvalRequests.status, version: approvalRequests.version, stageIndex: approvalRequests.stageIndex, stages: approvalRequests.stages })
      .from(approvalRequests)
      .where(and(eq(approvalRequests.workspaceId, input.workspaceId), eq(approvalRequests.contentItemId, item.id)))
      .orderBy(desc(approvalRequests.requestedAt))
      .limit(1),
  ]);
  const { findings } = checkContent(item, workspace!.brandRules);
  return {
    version: item.version,
    approvalStatus: item.approvalStatus,
    approvedVersion: item.approvedVersion,
    findings,
    /** The page runs the same checks on unsaved text as it is typed. */
    brandRules: workspace!.brandRules,
    request: latest ? { id: latest.id, status: latest.status, version: latest.version, stage: latest.stageIndex + 1, stageCount: latest.stages.length, stageName: latest.stages[latest.stageIndex]?.name ?? "" } : null,
  };
}
