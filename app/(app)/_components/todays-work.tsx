"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useInvalidateOnChange } from "@/components/realtime/use-invalidate-on-change";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { confirmAction } from "@/components/ui/toaster";
import { DateTime } from "@/components/viewer/formatted";
import { useViewer } from "@/components/viewer/viewer-context";
import type { TaskCard } from "@/server/services/tasks/task-card";
import { taskStatusLabels } from "@/server/services/tasks/task-status";

/** The signed-in member's open work that needs them today: overdue, due today, blocked; and, for managers, the team's overdue count. */
export function TodaysWork({ actions }: { actions?: React.ReactNode }) {
  const trpc = useTRPC();
  const { timeZone } = useViewer();
  const { data } = useSuspenseQuery(trpc.task.today.queryOptions({ timeZone }));
  // A task assigned, moved or finished by someone else shows without a reload.
  useInvalidateOnChange("tasks", [trpc.task.today.pathFilter()]);
  const groups = [
    { title: "Overdue", cards: data.overdue },
    { title: "Due today", cards: data.dueToday },
    { title: "Blocked", cards: data.blocked },
  ].filter((group) => group.cards.length > 0);

  return (
    <section aria-labelledby="today-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="today-heading" className="font-semibold">
          Today&apos;s work
        </h2>
        {actions}
      </div>
      {data.teamOverdue !== null && (
        <p className="text-sm text-slate-700">
          {data.teamOverdue === 0 ? (
            "No task of the team is overdue."
          ) : (
            <Link href="/tasks?due=overdue" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
              {data.teamOverdue === 1 ? "1 task of the team is overdue" : `${data.teamOverdue} tasks of the team are overdue`}
            </Link>
          )}
        </p>
      )}
      {groups.length === 0 ? (
        <EmptyState title="Nothing due today">Tasks assigned to you that are due today, overdue or blocked show up here.</EmptyState>
      ) : (
        groups.map((group) => (
          <div key={group.title} className="space-y-2">
            <h3 className="text-sm font-semibold text-slate-700">
              {group.title} <span className="font-normal text-slate-500">({group.cards.length})</span>
            </h3>
            <ul aria-label={group.title} className="divide-y divide-slate-100 rounded-lg border border-slate-200">
              {group.cards.map((card) => (
                <TodayCard key={card.id} card={card} overdue={group.title === "Overdue"} />
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}

function TodayCard({ card, overdue }: { card: TaskCard; overdue: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const move = useMutation(trpc.task.move.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function done() {
    setError(null);
    try {
      await move.mutateAsync({ taskId: card.id, status: "done", afterTaskId: null });
      confirmAction(`Marked “${card.title}” done.`);
      await queryClient.invalidateQueries(trpc.task.pathFilter());
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <li className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 px-3 py-2.5">
      <div className="min-w-0 flex-1">
        <Link href={`/tasks/${card.id}`} className="font-medium text-slate-900 hover:underline">
          {card.title}
        </Link>
        <p className="text-xs text-slate-600">
          {card.campaignName ?? "No campaign"}
          {card.dueAt && (
            <>
              {" · "}
              <span className={overdue ? "font-medium text-red-700" : undefined}>
                Due <DateTime value={card.dueAt} />
              </span>
            </>
          )}
          {card.status !== "todo" && ` · ${taskStatusLabels[card.status]}`}
        </p>
        {card.status === "blocked" && card.blockedReason && <p className="text-xs text-slate-600">Blocked: {card.blockedReason}</p>}
        {error && (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
      {/* A blocked task goes back to work before it can be done: its page offers that move. */}
      {card.status !== "blocked" && (
        <Button variant="secondary" className="px-2.5 py-1" aria-label={`Done: ${card.title}`} disabled={move.isPending} onClick={() => void done()}>
          Done
        </Button>
      )}
    </li>
  );
}
