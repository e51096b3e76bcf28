"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { errorMessage, fieldErrors } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmAction } from "@/components/ui/toaster";
import { useViewer } from "@/components/viewer/viewer-context";
import { updateTaskInput } from "@/server/services/tasks/task.schema";
import { TaskFields, type TaskOptions } from "../../_components/task-fields";
import { dueWarningText, showServerErrors, taskFormValues, taskInput, taskResolver, type TaskFormValues } from "../../_components/task-form";
import type { TaskView } from "./task-view";

/** The task's fields, edited where they are shown; only what was changed is sent. Viewers see them read only. */
export function TaskDetailsForm({ task, options, canEdit }: { task: TaskView; options: TaskOptions; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const update = useMutation(trpc.task.update.mutationOptions());
  const form = useForm<TaskFormValues, unknown, z.output<typeof updateTaskInput>>({
    resolver: taskResolver(updateTaskInput, (values) => ({ taskId: task.id, ...taskInput(values, viewer.timeZone) })),
    defaultValues: taskFormValues(task, viewer.timeZone),
  });
  // A change made elsewhere (auto-assignment, a teammate) shows in the fields, unless this person is mid-edit.
  const savedAt = task.updatedAt.getTime();
  useEffect(() => {
    if (!form.formState.isDirty) form.reset(taskFormValues(task, viewer.timeZone));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a newer saved version re-fills the form
  }, [savedAt]);
  // Waits on something due later: said beside the fields, after every save and on every visit, until the dates agree.
  const lateDependencies = task.dueAt ? task.dependsOn.filter((d) => d.status !== "done" && d.dueAt && d.dueAt > task.dueAt!) : [];

  const onSubmit = form.handleSubmit(async (input) => {
    const dirty = form.formState.dirtyFields;
    const changed = Object.fromEntries(Object.entries(input).filter(([key]) => key === "taskId" || dirty[key as keyof TaskFormValues]));
    if (Object.keys(changed).length === 1) {
      confirmAction("Nothing changed.");
      return;
    }
    try {
      const { warnings } = await update.mutateAsync(changed as typeof input);
      confirmAction(warnings.length ? `Saved. ${dueWarningText(viewer, warnings)}` : "Saved.");
      form.reset(form.getValues());
      await queryClient.invalidateQueries(trpc.task.pathFilter());
    } catch (error) {
      showServerErrors(form.setError, fieldErrors(error), errorMessage(error));
    }
  });

  const { errors, isSubmitting, isDirty } = form.formState;
  return (
    <section aria-labelledby="details-heading" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="details-heading" className="mb-4 text-lg font-semibold">
        Details
      </h2>
      <form onSubmit={onSubmit} noValidate aria-label="Task details" className="space-y-4">
        {errors.root?.message && <Alert>{errors.root.message}</Alert>}
        <fieldset disabled={!canEdit} className="min-w-0">
          <legend className="sr-only">{canEdit ? "Edit the task" : "The task (read only)"}</legend>
          <TaskFields form={form} options={options} timeZone={viewer.timeZone} />
        </fieldset>
        {lateDependencies.length > 0 && (
          <Alert tone="info">
            <span className="font-medium text-amber-800">Check the due date: </span>
            {dueWarningText(viewer, lateDependencies.map((d) => ({ title: d.title, dueAt: d.dueAt! })))}
          </Alert>
        )}
        {canEdit && (
          <div className="flex gap-3">
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? "Saving…" : "Save changes"}
            </Button>
            {isDirty && (
              <Button type="button" variant="ghost" onClick={() => form.reset(taskFormValues(task, viewer.timeZone))}>
                Undo changes
              </Button>
            )}
          </div>
        )}
      </form>
    </section>
  );
}
