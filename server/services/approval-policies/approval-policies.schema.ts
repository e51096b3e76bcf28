import { z } from "zod";
import { approvalRules, approvalTimeoutOutcomes, approvalTimeoutUnits, campaignTypes, channels, memberRoles } from "@/db/schema/enum-values";
import { roleField } from "@/server/services/accounts/account.schema";
import { campaignTypeField, channelField } from "@/server/services/campaigns/campaign.schema";
import { id, int } from "@/server/services/shared/number.schema";
import { emailText, text } from "@/server/services/shared/text.schema";

// An approval policy as the settings form edits it and the server checks it.
// What needs the database (members, who holds a role, another policy's defaults)
// is checked by save-approval-policy.ts inside its transaction; everything else here,
// so the form says it before sending.

export const MAX_STAGES = 10;
const MAX_NAMED = 50;

const memberIds = z.array(id("Choose a member of this workspace")).max(MAX_NAMED, `Choose at most ${MAX_NAMED} members`);
const roles = z.array(roleField).max(memberRoles.length);

export const approverSetField = z.object({
  userIds: memberIds,
  roles,
  emails: z.array(emailText()).max(MAX_NAMED, `Add at most ${MAX_NAMED} external reviewers`),
});

const hours = (what: string) =>
  int({ message: `Enter the ${what} as a whole number of hours`, min: 1, minMessage: `Use at least 1 hour for the ${what}`, max: 999, maxMessage: `Use at most 999 hours for the ${what}` });

export const approvalStageField = z
  .object({
    name: text({ max: 80, required: "Name the stage, like “Marketing review”" }),
    approvers: approverSetField,
    rule: z.enum(approvalRules, { error: "Choose how many approvers must approve" }),
    quorum: int({ message: "Enter how many must approve as a whole number", min: 1, minMessage: "At least 1 approver must approve", max: 999, maxMessage: "Use at most 999 approvers" }).nullable(),
    remindEveryHours: hours("reminder cadence").nullable(),
    timeout: z.object({
      amount: int({ message: "Enter the timeout as a whole number", min: 1, minMessage: "Use a timeout of at least 1", max: 999, maxMessage: "Use a timeout of at most 999" }),
      unit: z.enum(approvalTimeoutUnits, { error: "Choose business hours or business days" }),
    }),
    onTimeout: z.object({
      remind: z.boolean(),
      escalateTo: z.object({ userIds: memberIds, roles }).nullable(),
      then: z.enum(approvalTimeoutOutcomes, { error: "Choose what happens at the end: approve, expire or keep waiting" }),
    }),
  })
  .superRefine((stage, ctx) => {
    const { userIds, roles, emails } = stage.approvers;
    if (userIds.length + roles.length + emails.length === 0) {
      ctx.addIssue({ code: "custom", path: ["approvers"], message: "Choose at least one approver: a member, a role or an email address" });
    }
    if (stage.rule === "at_least" && stage.quorum === null) {
      ctx.addIssue({ code: "custom", path: ["quorum"], message: "Say how many approvers must approve" });
    }
    // Without roles the approvers are known here; with roles the service counts who holds them.
    const named = new Set(userIds).size + new Set(emails).size;
    if (stage.rule === "at_least" && stage.quorum !== null && roles.length === 0 && stage.quorum > named) {
      ctx.addIssue({ code: "custom", path: ["quorum"], message: quorumTooLarge(stage.quorum, named) });
    }
    const escalation = stage.onTimeout.escalateTo;
    if (escalation && escalation.userIds.length + escalation.roles.length === 0) {
      ctx.addIssue({ code: "custom", path: ["onTimeout", "escalateTo"], message: "Choose who to escalate to, or don't escalate" });
    }
  });

export const quorumTooLarge = (quorum: number, approvers: number) =>
  `${quorum} must approve, but this stage has ${approvers === 1 ? "only 1 approver" : `only ${approvers} approvers`}. Lower the number or add approvers.`;

const policyFields = {
  name: text({ max: 80, required: "Name the policy, like “Social posts”" }),
  stages: z.array(approvalStageField).min(1, "Add at least one stage").max(MAX_STAGES, `Use at most ${MAX_STAGES} stages`),
  allowSelfApproval: z.boolean(),
  requireChecks: z.boolean(),
  campaignTypes: z.array(campaignTypeField).max(campaignTypes.length),
  channels: z.array(channelField).max(channels.length),
};

/** Creates a policy without `policyId`, replaces the one with it. */
export const saveApprovalPolicyInput = z.object({ policyId: id("Choose a policy").optional(), ...policyFields });
export const approvalPolicyIdInput = z.object({ policyId: id("Choose a policy") });

export type ApprovalStageInput = z.infer<typeof approvalStageField>;
export type SaveApprovalPolicyInput = z.infer<typeof saveApprovalPolicyInput>;
