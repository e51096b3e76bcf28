import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { approvalPolicies, memberships } from "@/db/schema";
import type { ApprovalStagePolicy } from "@/db/schema/enum-values";
import type { FieldErrors } from "@/server/errors";
import { campaignTypeLabels, channelLabels } from "@/server/services/campaigns/campaign-labels";
import { type SaveApprovalPolicyInput, quorumTooLarge } from "./approval-policies.schema";

// What a policy is checked against inside the saving transaction (after the
// workspace row is locked, so two admins saving at once see each other's work):
// the members it names, how many approvers each stage really has, and the other
// policies' names and defaults.

const unique = <T>(values: T[]) => [...new Set(values)];

/** The stages as stored: named members and addresses once each, a quorum only for "at least", no escalation to nobody. */
export function normalizeStages(stages: SaveApprovalPolicyInput["stages"]): ApprovalStagePolicy[] {
  return stages.map((stage) => {
    const escalateTo = stage.onTimeout.escalateTo;
    return {
      ...stage,
      approvers: { userIds: unique(stage.approvers.userIds), roles: unique(stage.approvers.roles), emails: unique(stage.approvers.emails) },
      quorum: stage.rule === "at_least" ? stage.quorum : null,
      onTimeout: {
        ...stage.onTimeout,
        escalateTo: escalateTo && escalateTo.userIds.length + escalateTo.roles.length > 0 ? { userIds: unique(escalateTo.userIds), roles: unique(escalateTo.roles) } : null,
      },
    };
  });
}

export async function checkPolicyAgainstWorkspace(
  tx: Database,
  input: Pick<SaveApprovalPolicyInput, "policyId" | "name" | "campaignTypes" | "channels"> & { workspaceId: string },
  stages: ApprovalStagePolicy[],
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);

  const named = unique(stages.flatMap((stage) => [...stage.approvers.userIds, ...(stage.onTimeout.escalateTo?.userIds ?? [])]));
  const roles = unique(stages.flatMap((stage) => stage.approvers.roles));
  const members =
    named.length + roles.length === 0
      ? []
      : await tx
          .select({ userId: memberships.userId, role: memberships.role })
          .from(memberships)
          .where(eq(memberships.workspaceId, input.workspaceId));
  const memberIds = new Set(members.map((member) => member.userId));

  stages.forEach((stage, index) => {
    const strangers = stage.approvers.userIds.some((id) => !memberIds.has(id));
    if (strangers) add(`stages.${index}.approvers`, "A chosen approver is not a member of this workspace (any more). Choose from the members listed.");
    if (stage.onTimeout.escalateTo?.userIds.some((id) => !memberIds.has(id))) {
      add(`stages.${index}.onTimeout.escalateTo`, "A chosen member to escalate to is not a member of this workspace (any more). Choose from the members listed.");
    }
    // The approvers as the stage would start now: named members and holders of the roles, once each, and the addresses.
    const approvers = new Set(stage.approvers.userIds.filter((id) => memberIds.has(id)));
    for (const member of members) if (stage.approvers.roles.includes(member.role)) approvers.add(member.userId);
    const count = approvers.size + stage.approvers.emails.length;
    if (strangers) {
      // Counting would only repeat the problem above.
    } else if (count === 0) {
      add(`stages.${index}.approvers`, "Nobody would approve this stage: no member holds the chosen roles. Choose members or email addresses too.");
    } else if (stage.rule === "at_least" && stage.quorum !== null && stage.quorum > count) {
      add(`stages.${index}.quorum`, quorumTooLarge(stage.quorum, count));
    }
  });

  const others = (await tx
    .select({ id: approvalPolicies.id, name: approvalPolicies.name, campaignTypes: approvalPolicies.campaignTypes, channels: approvalPolicies.channels })
    .from(approvalPolicies)
    .where(eq(approvalPolicies.workspaceId, input.workspaceId))).filter((policy) => policy.id !== input.policyId);
  const sameName = others.find((policy) => policy.name.toLowerCase() === input.name.toLowerCase());
  if (sameName) add("name", `There is already a policy called “${sameName.name}”. Choose another name.`);
  for (const type of input.campaignTypes) {
    const owner = others.find((policy) => policy.campaignTypes.includes(type));
    if (owner) add("campaignTypes", `${campaignTypeLabels[type]} campaigns already follow “${owner.name}”. Take it off that policy first.`);
  }
  for (const channel of input.channels) {
    const owner = others.find((policy) => policy.channels.includes(channel));
    if (owner) add("channels", `${channelLabels[channel]} items already follow “${owner.name}”. Take it off that policy first.`);
  }
  return errors;
}
