"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Bar, CartesianGrid, Cell, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTRPC } from "@/components/trpc/react";
import { EmptyState } from "@/components/ui/empty-state";
import { useViewer } from "@/components/viewer/viewer-context";
import { formatNumber, formatShortDay } from "@/server/services/date-time";
import type { TeamWorkload } from "@/server/services/team/get-team-workload";

type MemberWorkload = TeamWorkload["members"][number];

/** Assigned estimate hours against capacity per member and week for six weeks, with who is over and who has overdue work said in words. */
export function WorkloadChart() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.team.workload.queryOptions());
  const viewer = useViewer();
  const week = (day: string) => formatShortDay(viewer, day);
  const over = data.members.filter((member) => member.overWeeks.length > 0);
  const overdue = data.members.filter((member) => member.overdueTasks > 0);

  return (
    <section aria-labelledby="workload-heading" className="space-y-3">
      <div>
        <h2 id="workload-heading" className="text-lg font-semibold">
          Workload, next six weeks
        </h2>
        <p className="text-sm text-slate-600">
          Estimated hours of open tasks due each week (Monday to Sunday) against each person&apos;s capacity, less their time off and public holidays.
        </p>
      </div>
      {data.members.length === 0 ? (
        <EmptyState title="No one to show yet">Invite marketers or managers to see their workload.</EmptyState>
      ) : (
        <>
          <div role="status" className="space-y-1 rounded-lg border border-slate-200 bg-white p-3 text-sm">
            {over.length === 0 ? (
              <p>No one is over capacity in the next six weeks.</p>
            ) : (
              over.map((member) => (
                <p key={member.userId}>
                  <strong className="text-red-800">Over capacity:</strong> {member.name}, in the week of {member.overWeeks.map(week).join(", ")}.
                </p>
              ))
            )}
            {overdue.length === 0 ? (
              <p>No overdue tasks.</p>
            ) : (
              overdue.map((member) => (
                <p key={member.userId}>
                  <strong className="text-amber-800">Overdue:</strong> {member.name} has {formatNumber(viewer, member.overdueTasks)} {member.overdueTasks === 1 ? "task" : "tasks"} past due.
                </p>
              ))
            )}
          </div>
          <p className="text-xs text-slate-600">Bars: assigned hours per week (red when over capacity). Dashed line: capacity.</p>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {data.members.map((member) => (
              <li key={member.userId} className="rounded-xl border border-slate-200 bg-white p-3">
                <MemberChart member={member} week={week} />
              </li>
            ))}
          </ul>
          <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
            <summary className="cursor-pointer font-medium">Show the workload as a table</summary>
            <div className="mt-2 overflow-x-auto">
              <table className="min-w-full text-left">
                <caption className="sr-only">Assigned hours against capacity per member and week</caption>
                <thead>
                  <tr>
                    <th scope="col" className="py-1 pr-3">
                      Member
                    </th>
                    {data.weeks.map((day) => (
                      <th key={day} scope="col" className="whitespace-nowrap py-1 pr-3">
                        Week of {week(day)}
                      </th>
                    ))}
                    <th scope="col" className="py-1 pr-3">
                      Overdue
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.members.map((member) => (
                    <tr key={member.userId} className="border-t border-slate-100">
                      <th scope="row" className="whitespace-nowrap py-1 pr-3 font-medium">
                        {member.name}
                      </th>
                      {member.weeks.map((cell) => (
                        <td key={cell.weekStart} className="whitespace-nowrap py-1 pr-3">
                          {formatNumber(viewer, cell.assignedHours)} of {formatNumber(viewer, cell.capacityHours)} h{cell.over && <strong className="text-red-800"> (over)</strong>}
                        </td>
                      ))}
                      <td className="py-1 pr-3">{formatNumber(viewer, member.overdueTasks)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}

function MemberChart({ member, week }: { member: MemberWorkload; week: (day: string) => string }) {
  const points = member.weeks.map((cell) => ({ ...cell, label: week(cell.weekStart) }));
  const flags = [member.overWeeks.length > 0 ? "over capacity" : null, member.overdueTasks > 0 ? `${member.overdueTasks} overdue` : null].filter(Boolean);
  return (
    <figure>
      <figcaption className="flex flex-wrap items-baseline justify-between gap-x-2 text-sm">
        <span className="font-medium text-slate-900">{member.name}</span>
        {flags.length > 0 && <span className="text-xs font-semibold text-red-800">{flags.join(" · ")}</span>}
      </figcaption>
      {/* The table and the summary above say the same in words; the picture is for the eye. */}
      <div className="h-36" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 4, bottom: 0, left: -24 }}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={{ fontSize: 10 }} interval={0} tickLine={false} />
            <YAxis tick={{ fontSize: 10 }} allowDecimals={false} tickLine={false} />
            <Tooltip formatter={(value, name) => [`${value} h`, name === "assignedHours" ? "Assigned" : "Capacity"]} />
            <Bar dataKey="assignedHours" radius={[3, 3, 0, 0]}>
              {points.map((point) => (
                <Cell key={point.weekStart} fill={point.over ? "#b91c1c" : "#4f46e5"} />
              ))}
            </Bar>
            <Line dataKey="capacityHours" type="step" stroke="#0f172a" strokeDasharray="4 3" dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
