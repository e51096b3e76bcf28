"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { errorMessage, fieldErrors } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmAction } from "@/components/ui/toaster";
import { useViewer } from "@/components/viewer/viewer-context";
import { createTaskInput } from "@/server/services/tasks/task.schema";
import { TaskFields } from "./task-fields";
import { dueWarningText, emptyTaskValues, showServerErrors, taskInput, taskResolver, type TaskFormValues } from "./task-form";
import { TaskPicker } from "./task-picker";

/**
 * "New task": a button that opens a modal dialog (the browser's own <dialog>,
 * which keeps focus inside and closes on Escape) with every field of a task.
 * `preset` fills the campaign or assignee in advance (the board of one
 * campaign, "my" work on the home page).
 */
export function NewTaskDialog({ preset = {}, buttonLabel = "New task" }: { preset?: { campaignId?: string; assigneeId?: string }; buttonLabel?: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [open, setOpen] = useState(false);

  const show = () => {
    setOpen(true);
    dialog.current?.showModal();
  };
  const close = () => dialog.current?.close();

  return (
    <>
      <Button onClick={show}>{buttonLabel}</Button>
      <dialog
        ref={dialog}
        aria-labelledby={headingId}
        onClose={() => setOpen(false)}
        className="m-auto w-[min(42rem,calc(100vw-1rem))] max-h-[calc(100dvh-1rem)] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-5 py-3">
          <h2 id={headingId} className="text-lg font-semibold">
            New task
          </h2>
          <Button variant="ghost" onClick={close} aria-label="Close">
            ✕
          </Button>
        </div>
        {/* Mounted while open only: each opening starts from a fresh form. */}
        {open && <NewTaskForm preset={preset} onDone={close} />}
      </dialog>
    </>
  );
}

function NewTaskForm({ preset, onDone }: { preset: { campaignId?: string; assigneeId?: string }; onDone: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const options = useQuery(trpc.task.options.queryOptions());
  const create = useMutation(trpc.task.create.mutationOptions());
  const form = useForm<TaskFormValues, unknown, z.output<typeof createTaskInput>>({
    resolver: taskResolver(createTaskInput, (values) => ({ ...taskInput(values, viewer.timeZone), dependsOnIds: values.dependsOn.map((task) => task.id) })),
    defaultValues: { ...emptyTaskValues, ...preset },
  });

  const onSubmit = form.handleSubmit(async (input) => {
    try {
      const { task, warnings } = await create.mutateAsync(input);
      const warning = warnings.length ? ` ${dueWarningText(viewer, warnings)}` : "";
      confirmAction(`Created “${task.title}”.${warning}`, { action: { label: "Open", onClick: () => router.push(`/tasks/${task.id}`) } });
      await queryClient.invalidateQueries(trpc.task.pathFilter());
      onDone();
    } catch (error) {
      showServerErrors(form.setError, fieldErrors(error), errorMessage(error));
    }
  });

  if (options.isError) return <div className="p-5"><Alert>{errorMessage(options.error)}</Alert></div>;
  if (!options.data) return <p className="p-5 text-sm text-slate-600">Loading the form…</p>;
  const { errors, isSubmitting } = form.formState;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="New task" className="space-y-5 p-5">
      {errors.root?.message && <Alert>{errors.root.message}</Alert>}
      <TaskFields form={form} options={options.data} timeZone={viewer.timeZone} />
      <Controller
        control={form.control}
        name="dependsOn"
        render={({ field, fieldState }) => (
          <div className="space-y-2">
            <TaskPicker label="Depends on" exclude={field.value.map((task) => task.id)} onPick={(task) => field.onChange([...field.value, task])} />
            {field.value.length > 0 && (
              <ul aria-label="Waits on" className="flex flex-wrap gap-2">
                {field.value.map((task) => (
                  <li key={task.id} className="inline-flex items-center gap-1 rounded-full border border-slate-300 py-0.5 pl-2.5 pr-1 text-sm">
                    {task.title}
                    <button
                      type="button"
                      aria-label={`Remove “${task.title}”`}
                      className="rounded-full px-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900"
                      onClick={() => field.onChange(field.value.filter((t) => t.id !== task.id))}
                    >
                      ✕
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {fieldState.error?.message && <p className="text-sm text-red-700">{fieldState.error.message}</p>}
          </div>
        )}
      />
      <div className="flex gap-3 border-t border-slate-100 pt-4">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create task"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
