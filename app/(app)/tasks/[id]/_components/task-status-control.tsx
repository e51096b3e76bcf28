"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { errorMessage, fieldErrors } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { confirmAction } from "@/components/ui/toaster";
import type { TaskStatus } from "@/db/schema/enum-values";
import { taskMoves, taskStatusLabels } from "@/server/services/tasks/task-status";
import type { TaskView } from "./task-view";

/** The task's column, the moves the status machine allows from it (Blocked with its reason), and what still blocks it. */
export function TaskStatusControl({ task, canEdit }: { task: TaskView; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const move = useMutation(trpc.task.move.mutationOptions());
  const [next, setNext] = useState<TaskStatus | "">("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ reason?: string; move?: string }>({});

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!next) return;
    setErrors({});
    try {
      await move.mutateAsync({ taskId: task.id, status: next, afterTaskId: null, ...(next === "blocked" ? { blockedReason: reason } : {}) });
      confirmAction(`Moved “${task.title}” to ${taskStatusLabels[next]}.`);
      setNext("");
      setReason("");
      await queryClient.invalidateQueries(trpc.task.pathFilter());
    } catch (error) {
      const byField = fieldErrors(error);
      setErrors(byField.blockedReason ? { reason: byField.blockedReason[0] } : { move: errorMessage(error) });
    }
  }

  return (
    <section aria-labelledby="status-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="status-heading" className="text-lg font-semibold">
        Status
      </h2>
      <p className="text-sm">
        <span className="rounded-full bg-slate-100 px-2.5 py-0.5 font-medium text-slate-800">{taskStatusLabels[task.status]}</span>
      </p>
      {task.status === "blocked" && task.blockedReason && <p className="text-sm text-slate-700">Reason: {task.blockedReason}</p>}
      {task.blockedBy.length > 0 && (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-3">
          <h3 className="text-sm font-semibold text-amber-900">Blocked by</h3>
          <ul aria-label="Blocked by" className="mt-1 space-y-1 text-sm">
            {task.blockedBy.map((blocker) => (
              <li key={blocker.id}>
                <Link href={`/tasks/${blocker.id}`} className="text-amber-900 underline underline-offset-2">
                  {blocker.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {canEdit && (
        <form onSubmit={(event) => void submit(event)} aria-label="Move the task" className="space-y-3" noValidate>
          <SelectField label="Move to" value={next} onChange={(event) => setNext(event.target.value as TaskStatus | "")} errors={errors.move ? [errors.move] : undefined}>
            <option value="">Choose a column</option>
            {taskMoves[task.status].map((status) => (
              <option key={status} value={status}>
                {taskStatusLabels[status]}
              </option>
            ))}
          </SelectField>
          {next === "blocked" && (
            <TextField label="Why is it blocked?" value={reason} onChange={(event) => setReason(event.target.value)} errors={errors.reason ? [errors.reason] : undefined} />
          )}
          <Button type="submit" variant="secondary" disabled={!next || move.isPending}>
            Move
          </Button>
        </form>
      )}
    </section>
  );
}
