"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { useSyncExternalStore } from "react";
import { requestStatusLabels, stageLabel } from "@/components/approvals/approval-words";
import { DateTime } from "@/components/viewer/formatted";
import { channelLabels } from "@/server/services/campaigns/campaign-labels";
import type { ApprovalQueueRow } from "@/server/services/approvals/list-approval-queue";
import { formatDuration } from "@/server/services/date-time";

/** One request in the list: what, where, who asked, its stage, when it is due and how long it has waited. */
export function QueueRow({
  row,
  href,
  open,
  selectable,
  selected,
  onSelect,
}: {
  row: ApprovalQueueRow;
  href: string;
  open: boolean;
  selectable: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
}) {
  const pending = row.status === "pending";
  const now = useMinute();
  return (
    <li data-request={row.id} className={clsx("flex items-start gap-3 rounded-lg border bg-white p-3", open ? "border-brand-600 ring-2 ring-brand-600/30" : "border-slate-200")}>
      {selectable && (
        <input
          type="checkbox"
          checked={selected}
          onChange={(event) => onSelect(event.target.checked)}
          aria-label={`Select “${row.title}”`}
          className="mt-1 h-4 w-4 shrink-0 accent-brand-600"
        />
      )}
      <Link href={href} replace scroll={false} aria-current={open ? "true" : undefined} className="min-w-0 flex-1 rounded focus-visible:outline-2 focus-visible:outline-brand-600">
        <span className="block truncate font-medium text-slate-900">{row.title}</span>
        <span className="block truncate text-sm text-slate-600">
          {row.campaignName}
          {row.channel && <> · {channelLabels[row.channel]}</>} · by {row.requesterName ?? "a former member"}
        </span>
        <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-700">
          {pending ? (
            <span>Stage {stageLabel(row.stageIndex + 1, row.stageCount, row.stageName)}</span>
          ) : (
            <span className="font-medium">{requestStatusLabels[row.status]}</span>
          )}
          {row.overdue ? (
            <span className="rounded bg-red-100 px-1.5 py-0.5 font-semibold text-red-800">
              Overdue since <DateTime value={row.stageDueAt!} />
            </span>
          ) : (
            pending &&
            row.stageDueAt && (
              <span className="rounded bg-slate-100 px-1.5 py-0.5">
                Due <DateTime value={row.stageDueAt} />
              </span>
            )
          )}
          {row.decidedAt ? (
            <span>
              Decided <DateTime value={row.decidedAt} />
            </span>
          ) : (
            now !== null && <span>{now - row.requestedAt.getTime() < 60_000 ? "Asked just now" : `Waiting ${formatDuration(now - row.requestedAt.getTime())}`}</span>
          )}
        </span>
      </Link>
    </li>
  );
}

const noSubscription = () => () => {};

/**
 * The time to the minute in the browser; null while rendering on the server, so
 * an age ("Waiting 2 days 4 h") appears once the page is live rather than
 * differing between the server's text and the browser's.
 */
function useMinute(): number | null {
  return useSyncExternalStore(
    noSubscription,
    () => Math.floor(Date.now() / 60_000) * 60_000,
    () => null,
  );
}
