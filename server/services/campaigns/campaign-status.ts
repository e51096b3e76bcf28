// The campaign status machine. The server enforces it; the UI offers exactly the
// transitions this returns for the campaign's current status and the viewer's role.
import type { CampaignStatus } from "@/db/schema/campaigns";
import type { MemberRole } from "@/db/schema/workspaces";
import { hasRole } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { campaignStatusLabels } from "./campaign-labels";

const transitions: Record<CampaignStatus, CampaignStatus[]> = {
  draft: ["planned", "cancelled", "archived"],
  planned: ["in_review", "draft", "cancelled", "archived"],
  in_review: ["approved", "planned", "cancelled"],
  approved: ["active", "in_review", "cancelled"],
  active: ["paused", "completed", "cancelled"],
  paused: ["active", "completed", "cancelled"],
  completed: ["archived"],
  cancelled: ["archived"],
  // Restoring returns to the status it was archived from (statusBeforeArchive).
  archived: [],
};

/** Approving is a manager's call; everything else is open to anyone who may edit. */
function mayMake(to: CampaignStatus, role: MemberRole): boolean {
  return to === "approved" ? hasRole(role, "manager") : hasRole(role, "marketer");
}

/** The statuses a campaign in `from` can move to, for someone with `role`. */
export function allowedTransitions(from: CampaignStatus, role: MemberRole): CampaignStatus[] {
  return transitions[from].filter((to) => mayMake(to, role));
}

function list(statuses: CampaignStatus[]): string {
  const labels = statuses.map((status) => `“${campaignStatusLabels[status]}”`);
  return labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`;
}

/** Throws a message naming the allowed transitions when `from → to` is not one of them. */
export function assertTransition(from: CampaignStatus, to: CampaignStatus, role: MemberRole): void {
  if (from === to) throw new AppError("CONFLICT", `The campaign is already ${campaignStatusLabels[to].toLowerCase()}.`);
  if (!transitions[from].includes(to)) {
    const allowed = transitions[from];
    const rest = allowed.length > 0 ? `From “${campaignStatusLabels[from]}” it can move to ${list(allowed)}.` : "It can only be restored.";
    throw new AppError("CONFLICT", `A campaign can't go from “${campaignStatusLabels[from]}” to “${campaignStatusLabels[to]}”. ${rest}`);
  }
  if (!mayMake(to, role)) throw new AppError("FORBIDDEN", "Only managers and admins can approve a campaign.");
}
