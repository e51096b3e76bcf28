// How many approvals a stage needs, and the words for it. Pure, so the queue,
// the settings summary and the server agree.
import type { ApprovalRule } from "@/db/schema/enum-values";

/** Approvals a stage of `approvers` people needs under `rule` (never more than there are approvers). */
export function approvalsNeeded(rule: ApprovalRule, quorum: number | null, approvers: number): number {
  switch (rule) {
    case "any":
      return Math.min(1, approvers);
    case "majority":
      return Math.floor(approvers / 2) + 1;
    case "all":
      return approvers;
    case "at_least":
      return Math.min(quorum ?? 1, approvers);
  }
}

export const approvalRuleLabels: Record<ApprovalRule, string> = {
  any: "Any one",
  majority: "A majority",
  all: "Everyone",
  at_least: "At least N",
};

/** "any one of 3", "2 of 3", "all 3". */
export function describeRule(rule: ApprovalRule, quorum: number | null, approvers: number): string {
  const needed = approvalsNeeded(rule, quorum, approvers);
  if (rule === "any") return approvers === 1 ? "the one approver" : `any one of ${approvers}`;
  if (needed === approvers) return approvers === 1 ? "the one approver" : `all ${approvers}`;
  return `${needed} of ${approvers}`;
}
