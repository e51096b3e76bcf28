import { clsx } from "clsx";
import { campaignStatusLabels } from "@/server/services/campaigns/campaign-labels";
import type { CampaignStatus } from "@/db/schema/campaigns";

const tones: Record<CampaignStatus, string> = {
  draft: "bg-slate-100 text-slate-700",
  planned: "bg-sky-50 text-sky-800",
  in_review: "bg-amber-50 text-amber-800",
  approved: "bg-teal-50 text-teal-800",
  active: "bg-emerald-50 text-emerald-800",
  paused: "bg-orange-50 text-orange-800",
  completed: "bg-indigo-50 text-indigo-800",
  cancelled: "bg-red-50 text-red-700",
  archived: "bg-slate-100 text-slate-500",
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return (
    <span className={clsx("inline-flex rounded-full px-2 py-0.5 text-xs font-medium", tones[status])}>{campaignStatusLabels[status]}</span>
  );
}
