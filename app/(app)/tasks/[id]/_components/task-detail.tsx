"use client";

import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLiveChanges } from "@/components/realtime/use-live-changes";
import { AssignAutomaticallyButton } from "@/components/tasks/assign-automatically-button";
import { useTRPC } from "@/components/trpc/react";
import { taskPriorityLabels, taskStatusLabels } from "@/server/services/tasks/task-status";
import { DeleteTask } from "./delete-task";
import { TaskComments } from "./task-comments";
import { TaskDependencies } from "./task-dependencies";
import { TaskDetailsForm } from "./task-details-form";
import { TaskHistory } from "./task-history";
import { TaskStatusControl } from "./task-status-control";

/** The task page: its fields, column, dependencies, comments and history; `canEdit` is false for viewers, who read only. */
export function TaskDetail({ taskId, canEdit, backHref }: { taskId: string; canEdit: boolean; backHref: string }) {
  const trpc = useTRPC();
  const { data: task } = useSuspenseQuery(trpc.task.get.queryOptions({ taskId }));
  const { data: options } = useSuspenseQuery(trpc.task.options.queryOptions());
  const queryClient = useQueryClient();
  // Someone else's change to this task or to one it is linked with shows without a reload.
  useLiveChanges("tasks", (change) => {
    const shown = [task.id, ...task.dependsOn.map((t) => t.id), ...task.dependents.map((t) => t.id)];
    if (change.everything || change.ids.some((id) => shown.includes(id))) void queryClient.invalidateQueries(trpc.task.get.queryFilter({ taskId }));
  });

  return (
    <div className="max-w-5xl space-y-6">
      <header className="space-y-2">
        <Link href={backHref} className="text-sm font-medium text-brand-700 hover:underline">
          ← Back to the board
        </Link>
        <h1 className="break-words text-2xl font-bold tracking-tight sm:text-3xl">{task.title}</h1>
        <p className="text-sm text-slate-600">
          {taskStatusLabels[task.status]} · {taskPriorityLabels[task.priority]} priority · {task.assigneeName ?? "Unassigned"}
          {task.campaignId && (
            <>
              {" · "}
              <Link href={`/campaigns/${task.campaignId}`} className="text-brand-700 hover:underline">
                {task.campaignName}
              </Link>
            </>
          )}
        </p>
        {task.assignmentReason && <p className="text-sm text-slate-600">Assigned automatically: {task.assignmentReason}</p>}
        {canEdit && task.status !== "done" && <AssignAutomaticallyButton taskId={task.id} />}
      </header>
      {/* On a phone one column, the status first; from lg two columns. The wrappers step aside (display: contents) so the order can interleave them. */}
      <div className="flex flex-col gap-6 lg:grid lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <div className="contents lg:block lg:min-w-0 lg:space-y-6">
          <div className="order-2">
            <TaskDetailsForm task={task} options={options} canEdit={canEdit} />
          </div>
          <div className="order-3">
            <TaskDependencies task={task} canEdit={canEdit} />
          </div>
          <div className="order-4">
            <TaskComments task={task} members={options.members} canEdit={canEdit} />
          </div>
        </div>
        <div className="contents lg:block lg:min-w-0 lg:space-y-6">
          <div className="order-1">
            <TaskStatusControl task={task} canEdit={canEdit} />
          </div>
          <div className="order-5">
            <TaskHistory history={task.history} options={options} />
          </div>
          {canEdit && (
            <div className="order-6">
              <DeleteTask taskId={task.id} title={task.title} afterHref={backHref} />
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
