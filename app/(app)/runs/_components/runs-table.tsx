"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { DateTime } from "@/components/viewer/formatted";
import { formatDuration } from "@/server/services/date-time";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { type RunFilters, runsPageParams, runsQueryInput } from "./runs-query";
import { RunSummaryText } from "./run-summary-text";
import { runStatusLabels, StatusBadge } from "./status-badge";

export function RunsTable({ status, functionId }: RunFilters) {
  const trpc = useTRPC();
  const { data, error, hasNextPage, fetchNextPage, isFetchingNextPage } = useSuspenseInfiniteQuery(
    trpc.workflow.listRuns.infiniteQueryOptions(runsQueryInput({ status, functionId }), runsPageParams),
  );
  const runs = data.pages.flatMap((page) => page.runs);

  if (runs.length === 0) {
    if (status || functionId) {
      return (
        <EmptyState title="No runs match these filters">
          {status ? `No ${runStatusLabels[status].toLowerCase()} runs` : "No runs"} of {functionId ? "this function" : "any function"} in this
          workspace. Choose another status or function.
        </EmptyState>
      );
    }
    return <EmptyState title="No runs yet">Workflows run here when something happens in the workspace, like a teammate being invited.</EmptyState>;
  }

  return (
    <div className="space-y-3">
      {error && <Alert>{errorMessage(error)}</Alert>}
      <div className="md:overflow-x-auto md:rounded-xl md:border md:border-slate-200 md:bg-white">
        <table className="card-table w-full text-left text-sm">
          <caption className="sr-only">Workflow runs, newest first</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Function</th>
              <th scope="col" className="px-4 py-2 font-medium">What happened</th>
              <th scope="col" className="px-4 py-2 font-medium">Status</th>
              <th scope="col" className="px-4 py-2 font-medium">Started</th>
              <th scope="col" className="px-4 py-2 font-medium">Duration</th>
            </tr>
          </thead>
          <tbody className="md:divide-y md:divide-slate-100">
            {runs.map((run) => (
              <tr key={run.id} className="hover:bg-slate-50">
                <th scope="row" className="px-4 py-2 font-medium text-slate-900">
                  <Link href={`/runs/${run.id}`} className="text-brand-700 hover:underline">
                    {run.functionName}
                  </Link>
                </th>
                <td data-label="What happened" className="px-4 py-2 text-slate-700">
                  <RunSummaryText summary={run.summary} />
                  <details className="mt-1 text-xs text-slate-500">
                    <summary className="cursor-pointer">Details</summary>
                    <p>
                      Event <span className="font-mono">{run.eventName}</span> · run <span className="break-all font-mono">{run.id}</span>
                    </p>
                  </details>
                </td>
                <td data-label="Status" className="px-4 py-2">
                  <StatusBadge status={run.status} />
                </td>
                <td data-label="Started" className="px-4 py-2 text-slate-600">
                  {run.startedAt ? (
                    <DateTime value={run.startedAt} />
                  ) : (
                    "Not yet"
                  )}
                </td>
                <td data-label="Duration" className="px-4 py-2 text-slate-600" suppressHydrationWarning>
                  {run.durationMs === null ? "—" : formatDuration(run.durationMs)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hasNextPage && (
        <Button variant="secondary" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          {isFetchingNextPage ? "Loading…" : "Show older runs"}
        </Button>
      )}
    </div>
  );
}
