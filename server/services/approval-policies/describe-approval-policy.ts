// A policy's stages in words, as the settings list shows them:
// "1. Marketing review: any of Maya Patel, managers · 8 business hours, then remind, escalate to admins, approve".
// Pure, for the browser; member names come from the caller (a removed member reads "a former member").
import type { ApprovalStagePolicy, MemberRole } from "@/db/schema/enum-values";

const rolePlurals: Record<MemberRole, string> = { admin: "admins", manager: "managers", marketer: "marketers", viewer: "viewers" };
const outcomes: Record<ApprovalStagePolicy["onTimeout"]["then"], string> = { approve: "approve", expire: "expire", wait: "keep waiting" };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Maya Patel, managers, legal@agency.test". */
export function describePeople(people: { userIds: string[]; roles: MemberRole[]; emails?: string[] }, names: ReadonlyMap<string, string>): string {
  return [...people.userIds.map((id) => names.get(id) ?? "a former member"), ...people.roles.map((role) => rolePlurals[role]), ...(people.emails ?? [])].join(", ");
}

export function describeTimeout(timeout: ApprovalStagePolicy["timeout"]): string {
  return timeout.unit === "business_days" ? plural(timeout.amount, "business day", "business days") : plural(timeout.amount, "business hour", "business hours");
}

/** Who must approve: "any of …", "a majority of …", "all of …", "at least 2 of …". */
export function describeRule(stage: Pick<ApprovalStagePolicy, "rule" | "quorum" | "approvers">, names: ReadonlyMap<string, string>): string {
  const people = describePeople(stage.approvers, names);
  switch (stage.rule) {
    case "any":
      return `any of ${people}`;
    case "majority":
      return `a majority of ${people}`;
    case "all":
      return `all of ${people}`;
    case "at_least":
      return `at least ${stage.quorum ?? 1} of ${people}`;
  }
}

/** One stage, numbered from 1. */
export function describeStage(stage: ApprovalStagePolicy, index: number, names: ReadonlyMap<string, string>): string {
  const ladder = [
    stage.onTimeout.remind && "remind",
    stage.onTimeout.escalateTo && `escalate to ${describePeople(stage.onTimeout.escalateTo, names)}`,
    outcomes[stage.onTimeout.then],
  ].filter(Boolean);
  const reminders = stage.remindEveryHours === null ? "" : ` · reminders every ${plural(stage.remindEveryHours, "business hour", "business hours")}`;
  return `${index + 1}. ${stage.name}: ${describeRule(stage, names)}${reminders} · ${describeTimeout(stage.timeout)}, then ${ladder.join(", ")}`;
}
