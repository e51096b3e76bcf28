// A request's history in sentences, from its audit entries. Pure: the detail
// read and the tests use it; the time of each entry is shown beside it in the
// viewer's zone.

const decisionWords: Record<string, string> = {
  approved: "approved",
  rejected: "rejected",
  changes_requested: "requested changes",
};

const startReasons: Record<string, string> = {
  requested: "",
  resubmitted: "",
  new_version: " again, for the new version",
  previous_stage_approved: "",
  escalated: "",
};

export interface HistoryEntry {
  action: string;
  actorName: string | null;
  after: Record<string, unknown> | null;
  before: Record<string, unknown> | null;
}

/** "Maya Patel approved version 2 at stage 1: “Looks good”". */
export function describeApprovalEntry(entry: HistoryEntry): string {
  const after = entry.after ?? {};
  const who = entry.actorName ?? (typeof after.by === "string" ? after.by : "Crescendo");
  const version = typeof after.version === "number" ? `version ${after.version}` : "it";
  switch (entry.action) {
    case "requested":
      return `${who} requested approval of ${version} under the “${String(after.policy)}” policy`;
    case "resubmitted":
      return `${who} resubmitted ${version}`;
    case "new_version":
      return `${who} edited it to version ${String(after.version)}: the request went back to the first stage, and earlier decisions are on version ${String(entry.before?.version)}`;
    case "stage_started":
      return `Stage ${String(after.stage)}, “${String(after.stageName)}”, started${startReasons[String(after.reason)] ?? ""}, waiting on ${String(after.approvers)} ${after.approvers === 1 ? "approver" : "approvers"}`;
    case "decided": {
      const comment = typeof after.comment === "string" && after.comment ? `: “${after.comment}”` : "";
      return `${who} ${decisionWords[String(after.decision)] ?? String(after.decision)} (${version}, stage ${String(after.stage)})${comment}`;
    }
    case "reminded":
      return `Crescendo reminded ${String(after.names ?? after.to ?? "the approvers")}`;
    case "escalated":
      return `Crescendo escalated it to ${String(after.names ?? after.to ?? "the next level")}`;
    case "auto_approved":
      return `Crescendo approved stage ${String(after.stage)} automatically when it timed out`;
    case "approved":
      return `Approved (${version})`;
    case "rejected":
      return `Rejected (${version})`;
    case "changes_requested":
      return `Sent back for changes (${version})`;
    case "expired":
      return typeof after.reason === "string" ? `Expired: ${after.reason}` : "Expired without a decision";
    case "withdrawn":
      return `${who} withdrew the request`;
    default:
      return `${who}: ${entry.action}`;
  }
}
