import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { approvalPolicies, workspaces } from "@/db/schema";
import { AppError, isUniqueViolation } from "@/server/errors";
import { changedFields, recordAudit } from "@/server/services/audit/record-audit";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import type { SaveApprovalPolicyInput } from "./approval-policies.schema";
import { checkPolicyAgainstWorkspace, normalizeStages } from "./check-policy-against-workspace";
import { policyAuditView } from "./policy-audit-view";

/**
 * Creates a policy (no `policyId`) or replaces one. Admins only. Refused with
 * field errors, and nothing written, when it names someone who is not a member,
 * a stage would have nobody to approve or fewer approvers than it needs, or
 * its name or a default campaign type or channel is another policy's. Requests
 * already made keep the stages they started with.
 */
export async function saveApprovalPolicy(db: Database, input: SaveApprovalPolicyInput & { workspaceId: string; actorId: string }) {
  const { workspaceId, actorId, policyId, ...fields } = input;
  const stages = normalizeStages(fields.stages);
  const values = { ...fields, stages, campaignTypes: [...new Set(fields.campaignTypes)], channels: [...new Set(fields.channels)] };
  try {
    return await transactionWithRetry(db, async (tx) => {
      await assertActorRole(tx, input, "admin");
      // One policy write at a time per workspace: "each default belongs to one policy" holds across two admins saving at once.
      await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, workspaceId)).for("no key update");
      const [current] = policyId
        ? await tx
            .select()
            .from(approvalPolicies)
            .where(and(eq(approvalPolicies.workspaceId, workspaceId), eq(approvalPolicies.id, policyId)))
        : [];
      if (policyId && !current) throw new AppError("NOT_FOUND", "That approval policy does not exist in this workspace. It may have been deleted.");

      const fieldErrors = await checkPolicyAgainstWorkspace(tx, { workspaceId, policyId, ...values }, stages);
      const first = Object.values(fieldErrors)[0]?.[0];
      if (first) throw new AppError("BAD_REQUEST", first, { fieldErrors });

      if (current) {
        const diff = changedFields(policyAuditView(current), values);
        if (!diff.changed) return current;
        const [row] = await tx
          .update(approvalPolicies)
          .set({ ...values, updatedAt: new Date() })
          .where(and(eq(approvalPolicies.workspaceId, workspaceId), eq(approvalPolicies.id, current.id)))
          .returning();
        await recordAudit(tx, { workspaceId, actorId, entityType: "approval_policy", entityId: current.id, action: "updated", before: diff.before, after: diff.after });
        return row!;
      }
      const [row] = await tx
        .insert(approvalPolicies)
        .values({ workspaceId, ...values })
        .returning();
      await recordAudit(tx, { workspaceId, actorId, entityType: "approval_policy", entityId: row!.id, action: "created", after: policyAuditView(row!) });
      return row!;
    });
  } catch (error) {
    // The name check above runs under the workspace lock; this is the backstop for a name of another case-folding.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `There is already a policy called “${fields.name}”. Choose another name.`, { fieldErrors: { name: [`There is already a policy called “${fields.name}”. Choose another name.`] } });
    throw error;
  }
}
