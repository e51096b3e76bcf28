import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { approvalPolicies } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { policyAuditView } from "./policy-audit-view";

/** Removes a policy. Requests already made under it keep their copy of its stages and go on. */
export async function deleteApprovalPolicy(db: Database, input: { workspaceId: string; actorId: string; policyId: string }) {
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "admin");
    const [row] = await tx
      .delete(approvalPolicies)
      .where(and(eq(approvalPolicies.workspaceId, input.workspaceId), eq(approvalPolicies.id, input.policyId)))
      .returning();
    if (!row) throw new AppError("NOT_FOUND", "That approval policy does not exist in this workspace. It may have been deleted already.");
    await recordAudit(tx, { workspaceId: input.workspaceId, actorId: input.actorId, entityType: "approval_policy", entityId: row.id, action: "deleted", before: policyAuditView(row) });
    return { id: row.id, name: row.name };
  });
}
