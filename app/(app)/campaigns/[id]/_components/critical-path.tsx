"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/react";
import { EmptyState } from "@/components/ui/empty-state";
import { DateTime, Day, FormattedNumber } from "@/components/viewer/formatted";

const businessDays = (n: number) => (n === 1 ? "1 business day" : `${n} business days`);

/** Slack in working hours, with working days of 8 hours beside it once it is a day or more. */
function Slack({ hours }: { hours: number }) {
  if (hours < 0) {
    return (
      <span className="font-medium text-red-700">
        late by <FormattedNumber value={-hours} /> h
      </span>
    );
  }
  if (hours === 0) return <span className="font-medium text-amber-800">no slack</span>;
  return (
    <span>
      <FormattedNumber value={hours} /> h slack
      {hours >= 8 && (
        <>
          {" "}
          (about <FormattedNumber value={Math.floor(hours / 8)} /> working {Math.floor(hours / 8) === 1 ? "day" : "days"})
        </>
      )}
    </span>
  );
}

/**
 * The chain of tasks that decides the launch, with each one's earliest finish and
 * slack, and whether the launch date holds. Worked out by the server on each read.
 */
export function CriticalPath({ campaignId }: { campaignId: string }) {
  const trpc = useTRPC();
  const { data: path } = useSuspenseQuery(trpc.plan.criticalPath.queryOptions({ campaignId }));
  const boardLink = (
    <Link href={`/tasks?campaign=${campaignId}`} className="font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900">
      {path.taskCount === 1 ? "1 task" : `${path.taskCount} tasks`} on the board
    </Link>
  );
  const last = path.chain.at(-1);

  return (
    <section aria-labelledby="critical-path-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="critical-path-heading" className="text-lg font-semibold">
          Critical path
        </h2>
        {path.taskCount > 0 && <p className="text-sm">{boardLink}</p>}
      </div>
      {path.taskCount === 0 ? (
        <EmptyState title="No tasks yet">
          The critical path shows which tasks decide the launch once the campaign has tasks. Add them on the{" "}
          <Link href={`/tasks?campaign=${campaignId}`} className="font-medium text-indigo-700 underline underline-offset-2">
            task board
          </Link>
          .
        </EmptyState>
      ) : (
        <>
          <p className={`rounded-lg px-3 py-2 text-sm font-medium ${path.holds ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900"}`}>
            {path.holds ? (
              <>
                Launch on <Day value={path.launchDate} /> holds
                {path.spareBusinessDays ? ` with ${businessDays(path.spareBusinessDays)} to spare` : ", with no business days to spare"}
                {path.chain.length === 0 && ": every task it waits on is done"}.
              </>
            ) : (
              <>
                Launch on <Day value={path.launchDate} /> slips by {businessDays(path.slipBusinessDays ?? 1)}: “{last?.title}” finishes{" "}
                {path.lastFinish && <DateTime value={path.lastFinish} />} at the earliest.
              </>
            )}
          </p>
          {path.inCircle.length > 0 && (
            <p className="text-sm text-amber-800">
              Left out because they wait on each other in a circle: {path.inCircle.join(", ")}. Remove one of their dependencies on the board.
            </p>
          )}
          {path.chain.length > 0 && (
            <ol aria-label="Tasks that decide the launch, in order" className="divide-y divide-slate-100 rounded-lg border border-slate-200">
              {path.chain.map((step, index) => (
                <li key={step.id} className="grid gap-1 px-3 py-2 text-sm sm:grid-cols-[2rem_1fr_auto] sm:items-baseline sm:gap-3">
                  <span className="hidden text-slate-500 sm:block" aria-hidden="true">
                    {index + 1}.
                  </span>
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">{step.title}</p>
                    <p className="text-slate-600">
                      {step.assigneeName ?? "Unassigned"} · {step.estimateHours === null ? "no estimate" : <><FormattedNumber value={step.estimateHours} /> h</>}
                      {step.status === "blocked" && <span className="font-medium text-red-700"> · blocked</span>}
                    </p>
                  </div>
                  <div className="text-slate-700 sm:text-right">
                    <p>
                      Earliest finish <DateTime value={step.earliestFinish} />
                    </p>
                    <p>
                      <Slack hours={step.slackHours} />
                    </p>
                  </div>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
