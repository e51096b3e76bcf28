"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { confirmAction } from "@/components/ui/toaster";
import { DateTime } from "@/components/viewer/formatted";
import { useViewer } from "@/components/viewer/viewer-context";
import { taskStatusLabels } from "@/server/services/tasks/task-status";
import { dueWarningText } from "../../_components/task-form";
import { TaskPicker } from "../../_components/task-picker";
import type { TaskView } from "./task-view";

type Linked = TaskView["dependsOn"][number];

/** What this task waits on and what waits on it, each with add (search) and remove; a refused link (a loop) is said under its picker. */
export function TaskDependencies({ task, canEdit }: { task: TaskView; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const add = useMutation(trpc.task.addDependency.mutationOptions());
  const remove = useMutation(trpc.task.removeDependency.mutationOptions());
  const [errors, setErrors] = useState<{ waitsOn?: string; neededBy?: string }>({});

  /** `waiter` waits on `waitedOn`; `side` is the list the change shows in. */
  async function change(kind: "add" | "remove", side: "waitsOn" | "neededBy", other: { id: string; title: string }) {
    setErrors({});
    const pair = side === "waitsOn" ? { taskId: task.id, dependsOnId: other.id } : { taskId: other.id, dependsOnId: task.id };
    try {
      if (kind === "add") {
        const { warnings } = await add.mutateAsync(pair);
        const said = side === "waitsOn" ? `Now waits on “${other.title}”.` : `“${other.title}” now waits on this task.`;
        confirmAction(warnings.length ? `${said} ${dueWarningText(viewer, warnings)}` : said);
      } else {
        await remove.mutateAsync(pair);
        confirmAction(side === "waitsOn" ? `No longer waits on “${other.title}”.` : `“${other.title}” no longer waits on this task.`);
      }
      await queryClient.invalidateQueries(trpc.task.pathFilter());
    } catch (error) {
      setErrors({ [side]: errorMessage(error) });
    }
  }

  const busy = add.isPending || remove.isPending;
  return (
    <section aria-labelledby="dependencies-heading" className="space-y-5 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="dependencies-heading" className="text-lg font-semibold">
        Dependencies
      </h2>
      {(
        [
          { side: "waitsOn", title: "Waits on", tasks: task.dependsOn, empty: "It waits on nothing.", picker: "Add a task it waits on" },
          { side: "neededBy", title: "Needed by", tasks: task.dependents, empty: "Nothing waits on it.", picker: "Add a task that needs it" },
        ] as const
      ).map((list) => (
        <div key={list.side} className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-800">{list.title}</h3>
          {list.tasks.length === 0 ? (
            <p className="text-sm text-slate-500">{list.empty}</p>
          ) : (
            <ul aria-label={list.title} className="divide-y divide-slate-100 rounded-md border border-slate-200">
              {list.tasks.map((other) => (
                <LinkedTask key={other.id} task={other}>
                  {canEdit && (
                    <Button variant="ghost" className="px-2 py-1" disabled={busy} aria-label={`Remove “${other.title}” from ${list.title.toLowerCase()}`} onClick={() => void change("remove", list.side, other)}>
                      Remove
                    </Button>
                  )}
                </LinkedTask>
              ))}
            </ul>
          )}
          {canEdit && <TaskPicker label={list.picker} exclude={[task.id, ...list.tasks.map((t) => t.id)]} disabled={busy} onPick={(other) => void change("add", list.side, other)} />}
          {errors[list.side] && (
            <p role="alert" className="text-sm text-red-700">
              {errors[list.side]}
            </p>
          )}
        </div>
      ))}
    </section>
  );
}

function LinkedTask({ task, children }: { task: Linked; children?: React.ReactNode }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 px-3 py-2">
      <div className="min-w-0">
        <Link href={`/tasks/${task.id}`} className="font-medium text-slate-900 hover:underline">
          {task.title}
        </Link>
        <p className="text-xs text-slate-600">
          {taskStatusLabels[task.status]}
          {task.dueAt && (
            <>
              {" · Due "}
              <DateTime value={task.dueAt} />
            </>
          )}
        </p>
      </div>
      {children}
    </li>
  );
}
