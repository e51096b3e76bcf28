"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { campaignStatusLabels, campaignTypeLabels, channelLabels } from "@/server/services/campaigns/campaign-labels";
import { DateTime } from "@/components/viewer/formatted";
import { useViewer } from "@/components/viewer/viewer-context";
import { type Viewer, formatDateTime, formatDay, formatNumber } from "@/server/services/date-time";
import { useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import type { CampaignStatus, CampaignType, Channel } from "@/db/schema/campaigns";
import type { TaskStatus } from "@/db/schema/enum-values";
import { taskStatusLabels } from "@/server/services/tasks/task-status";

const entityNames: Record<string, string> = {
  campaign: "the campaign",
  milestone: "a milestone",
  content_item: "a content item",
  task: "the task",
};

const fieldNames: Record<string, string> = {
  name: "name",
  type: "type",
  goal: "goal",
  kpiName: "target KPI",
  kpiTarget: "KPI target",
  audience: "audience",
  channels: "channels",
  budgetAmount: "budget",
  currency: "currency",
  ownerId: "owner",
  startDate: "start date",
  launchDate: "launch date",
  endDate: "end date",
  dueDate: "date",
  scheduledAt: "scheduled time",
  title: "title",
  body: "text",
  status: "status",
};

/** Bookkeeping that changes along with what people changed. */
const dayFields = new Set(["startDate", "launchDate", "endDate", "dueDate"]);
const hiddenFields = new Set(["version", "position", "completedAt", "milestones", "updatedAt", "media"]);

/** A stored value as a person reads it. */
function show(viewer: Viewer, field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "nothing";
  if (field === "status") return campaignStatusLabels[value as CampaignStatus] ?? String(value);
  if (field === "type") return campaignTypeLabels[value as CampaignType] ?? String(value);
  if (field === "channels" && Array.isArray(value)) return value.map((channel) => channelLabels[channel as Channel] ?? channel).join(", ") || "none";
  if (field === "scheduledAt" && typeof value === "string") return formatDateTime(viewer, new Date(value));
  if (dayFields.has(field) && typeof value === "string") return formatDay(viewer, value);
  if ((field === "budgetAmount" || field === "kpiTarget") && Number.isFinite(Number(value))) return formatNumber(viewer, Number(value));
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function describe(viewer: Viewer, entry: { entityType: string; action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }) {
  const what = entityNames[entry.entityType] ?? entry.entityType.replaceAll("_", " ");
  const name = (entry.after?.name ?? entry.before?.name ?? entry.after?.title ?? entry.before?.title) as string | undefined;
  const label = entry.entityType === "campaign" ? what : `${what}${name ? ` “${name}”` : ""}`;
  if (entry.action === "created") return `created ${label}`;
  if (entry.action === "deleted") return `deleted ${label}`;
  if (entry.action === "completed") return `marked ${label} done`;
  if (entry.action === "reopened") return `marked ${label} not done`;
  if (entry.action === "timeline_regenerated") return "planned the timeline again from the template";
  if (entry.action === "status_changed" && entry.entityType === "task") {
    const status = (value: unknown) => taskStatusLabels[value as TaskStatus] ?? String(value);
    return `moved ${label} from ${status(entry.before?.status)} to ${status(entry.after?.status)}`;
  }
  if (entry.action === "commented") return `commented on ${label}`;
  if (entry.action === "dependency_added") return `made ${label} wait on “${String(entry.after?.dependsOnTitle ?? "another task")}”`;
  if (entry.action === "dependency_removed") return `made ${label} stop waiting on “${String(entry.before?.dependsOnTitle ?? "another task")}”`;
  if (entry.action === "status_changed") {
    return `moved the campaign from ${show(viewer, "status", entry.before?.status)} to ${show(viewer, "status", entry.after?.status)}`;
  }
  const fields = Object.keys(entry.after ?? {}).filter((field) => !hiddenFields.has(field) && (field !== "name" || entry.before?.name !== undefined));
  const changes = fields.map((field) => `${fieldNames[field] ?? field} from ${show(viewer, field, entry.before?.[field])} to ${show(viewer, field, entry.after?.[field])}`);
  const verb = entry.action === "updated" ? "changed" : entry.action === "rescheduled" ? "moved" : entry.action.replaceAll("_", " ");
  return changes.length > 0 ? `${verb} ${label === what ? "" : `${label}: `}${changes.join("; ")}` : `${verb} ${label}`;
}

/** Who changed what on this campaign, its milestones and content, newest first, from the audit log. */
export function CampaignActivity({ campaignId }: { campaignId: string }) {
  const trpc = useTRPC();
  const { data, hasNextPage, fetchNextPage, isFetchingNextPage } = useSuspenseInfiniteQuery(
    trpc.campaign.activity.infiniteQueryOptions({ campaignId }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const entries = data.pages.flatMap((page) => page.entries);
  const viewer = useViewer();
  if (entries.length === 0) return <p className="text-sm text-slate-600">No changes yet.</p>;
  return (
    <div className="space-y-3">
      <ol className="space-y-2">
        {entries.map((entry) => (
          <li key={entry.id} className="text-sm text-slate-700">
            <span className="font-medium text-slate-900">{entry.actor?.name ?? "A background workflow"}</span> {describe(viewer, entry)}
            <span className="text-slate-500">
              {" · "}
              <DateTime value={entry.createdAt} />
            </span>
          </li>
        ))}
      </ol>
      {hasNextPage && (
        <Button variant="secondary" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          {isFetchingNextPage ? "Loading…" : "Show earlier changes"}
        </Button>
      )}
    </div>
  );
}
