"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Day } from "@/components/viewer/formatted";
import { errorMessage, fieldErrors } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDelete } from "@/components/ui/confirm-delete";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/field";
import { confirmAction } from "@/components/ui/toaster";
import { closedStatuses } from "@/server/services/campaigns/closed-statuses";
import { useToday } from "../../_components/use-today";

/**
 * A campaign's milestones in date order. Editors rename them, tick them off,
 * move them (within the campaign's dates), add and delete them, and regenerate
 * the whole timeline from the type's template after confirming.
 */
export function MilestoneTimeline({ campaignId, canEdit }: { campaignId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: campaign } = useSuspenseQuery(trpc.campaign.get.queryOptions({ campaignId }));
  const [error, setError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [confirmRegenerate, setConfirmRegenerate] = useState(false);
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.campaign.get.queryFilter({ campaignId })),
      queryClient.invalidateQueries(trpc.campaign.activity.pathFilter()),
      // Regenerating re-dates the plan's tasks.
      queryClient.invalidateQueries(trpc.plan.pathFilter()),
    ]);
  };
  const options = { onSuccess: () => setError(null), onError: (e: unknown) => setError(errorMessage(e)), onSettled: refresh };
  const update = useMutation(trpc.milestone.update.mutationOptions(options));
  const reschedule = useMutation(
    trpc.milestone.reschedule.mutationOptions({ ...options, onSuccess: () => (setError(null), confirmAction("Milestone moved.")) }),
  );
  // A failed delete is told in its own question (ConfirmDelete), not the timeline's alert.
  const remove = useMutation(trpc.milestone.delete.mutationOptions({ onSuccess: () => setError(null), onSettled: refresh }));
  const regenerate = useMutation(
    trpc.milestone.regenerate.mutationOptions({
      ...options,
      onSuccess: (result) => (setError(null), setWarnings(result.warnings), confirmAction("Timeline regenerated from the template.")),
    }),
  );
  const schedulable = canEdit && !closedStatuses.has(campaign.status);
  const editable = canEdit && campaign.status !== "archived";
  const milestones = campaign.milestones;
  const today = useToday();
  const overdue = today ? milestones.filter((milestone) => isOverdue(milestone, today)).length : 0;

  return (
    <section aria-labelledby="timeline-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="timeline-heading" className="text-lg font-semibold">
        Timeline
      </h2>
      {error && <Alert>{error}</Alert>}
      {overdue > 0 && (
        <p className="text-sm font-medium text-red-700">
          {overdue === 1 ? "1 milestone is overdue: its day has passed and it isn't done." : `${overdue} milestones are overdue: their day has passed and they aren't done.`}
        </p>
      )}
      {warnings.length > 0 && (
        <Alert tone="info">
          <ul className="list-inside list-disc">
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </Alert>
      )}
      {milestones.length === 0 ? (
        <EmptyState title="No milestones yet">{schedulable ? "Add one below, or regenerate the timeline from the template." : "This campaign has no milestones."}</EmptyState>
      ) : (
        <ol aria-label="Milestones" className="divide-y divide-slate-100 rounded-lg border border-slate-200">
          {milestones.map((milestone) => (
            <MilestoneRow
              key={milestone.id}
              milestone={milestone}
              overdue={today !== null && isOverdue(milestone, today)}
              range={{ min: campaign.startDate, max: campaign.endDate }}
              editable={editable}
              schedulable={schedulable}
              onRename={async (name) => {
                await update.mutateAsync({ milestoneId: milestone.id, name });
                confirmAction(`Milestone renamed to “${name.trim()}”.`);
              }}
              onToggle={async (completed) => {
                await update.mutateAsync({ milestoneId: milestone.id, completed });
                confirmAction(completed ? `“${milestone.name}” is done.` : `“${milestone.name}” is open again.`);
              }}
              onMove={(dueDate) => reschedule.mutate({ milestoneId: milestone.id, dueDate })}
              onDelete={async () => {
                await remove.mutateAsync({ milestoneId: milestone.id });
                confirmAction(`Milestone “${milestone.name}” deleted.`);
              }}
            />
          ))}
        </ol>
      )}
      {schedulable && (
        <>
          <AddMilestone campaignId={campaignId} min={campaign.startDate} max={campaign.endDate} onAdded={refresh} />
          <div className="flex flex-wrap items-center gap-2 text-sm">
            {confirmRegenerate ? (
              <span role="group" aria-label="Confirm regenerate" className="flex flex-wrap items-center gap-2">
                Replace all {milestones.length} milestones, done ones included, with the template&apos;s?
                <Button
                  variant="danger"
                  disabled={regenerate.isPending}
                  onClick={() => {
                    setConfirmRegenerate(false);
                    regenerate.mutate({ campaignId });
                  }}
                >
                  Yes, regenerate
                </Button>
                <Button variant="ghost" onClick={() => setConfirmRegenerate(false)}>
                  Keep these
                </Button>
              </span>
            ) : (
              <Button variant="secondary" onClick={() => setConfirmRegenerate(true)}>
                Regenerate from template
              </Button>
            )}
          </div>
        </>
      )}
    </section>
  );
}

interface RowMilestone {
  id: string;
  name: string;
  dueDate: string;
  completedAt: Date | null;
}

function MilestoneRow({
  milestone,
  overdue,
  range,
  editable,
  schedulable,
  onRename,
  onToggle,
  onMove,
  onDelete,
}: {
  milestone: RowMilestone;
  overdue: boolean;
  range: { min: string; max: string };
  editable: boolean;
  schedulable: boolean;
  onRename: (name: string) => Promise<unknown>;
  onToggle: (completed: boolean) => Promise<unknown>;
  onMove: (dueDate: string) => void;
  onDelete: () => Promise<unknown>;
}) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(milestone.name);
  // The box ticks at once; the server's answer (refetched) takes over when it comes, or the alert says why not.
  const [ticking, setTicking] = useState<boolean | null>(null);
  const done = ticking ?? milestone.completedAt !== null;
  const toggle = async (completed: boolean) => {
    setTicking(completed);
    try {
      await onToggle(completed);
    } catch {
      // The timeline's alert says what went wrong.
    } finally {
      setTicking(null);
    }
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      await onRename(name);
      setRenaming(false);
    } catch {
      // The timeline's alert says what went wrong.
    }
  };

  return (
    <li className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
      <input
        type="checkbox"
        checked={done}
        disabled={!editable}
        onChange={(e) => void toggle(e.target.checked)}
        aria-label={`${milestone.name} done`}
        className="h-4 w-4"
      />
      <div className="min-w-48 flex-1">
        {renaming ? (
          <form onSubmit={save} className="flex items-center gap-2">
            <label className="sr-only" htmlFor={`rename-${milestone.id}`}>
              New name for {milestone.name}
            </label>
            <input
              id={`rename-${milestone.id}`}
              value={name}
              maxLength={80}
              onChange={(e) => setName(e.target.value)}
              className="rounded-md border border-slate-300 px-2 py-1 text-sm"
              autoFocus
            />
            <Button type="submit">Save</Button>
            <Button type="button" variant="ghost" onClick={() => (setRenaming(false), setName(milestone.name))}>
              Cancel
            </Button>
          </form>
        ) : (
          <p className={done ? "text-slate-500 line-through" : "font-medium"}>{milestone.name}</p>
        )}
        <p className="text-slate-500">
          <Day value={milestone.dueDate} />
          {overdue && <span className="ml-2 font-medium text-red-700">Overdue</span>}
        </p>
      </div>
      {schedulable ? (
        <div>
          <label className="sr-only" htmlFor={`due-${milestone.id}`}>
            Due date of {milestone.name}
          </label>
          <input
            id={`due-${milestone.id}`}
            type="date"
            value={milestone.dueDate}
            min={range.min}
            max={range.max}
            onChange={(e) => e.target.value && e.target.value !== milestone.dueDate && onMove(e.target.value)}
            className="rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
        </div>
      ) : null}
      {editable && !renaming && (
        <Button variant="ghost" onClick={() => setRenaming(true)} aria-label={`Rename ${milestone.name}`}>
          Rename
        </Button>
      )}
      {schedulable && (
        <ConfirmDelete buttonLabel="Delete" buttonName={`Delete ${milestone.name}`} question={`Delete milestone “${milestone.name}”?`} onDelete={onDelete}>
          “{milestone.name}” leaves the timeline and the calendar. Regenerating from the template brings the template&apos;s milestones back.
        </ConfirmDelete>
      )}
    </li>
  );
}

function AddMilestone({ campaignId, min, max, onAdded }: { campaignId: string; min: string; max: string; onAdded: () => Promise<void> }) {
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [dueDate, setDueDate] = useState("");
  const create = useMutation(
    trpc.milestone.create.mutationOptions({
      onSuccess: (_result, input) => {
        confirmAction(`Milestone “${input.name.trim()}” added.`);
        return onAdded();
      },
    }),
  );
  const errors = create.error ? fieldErrors(create.error) : {};

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      await create.mutateAsync({ campaignId, name, dueDate });
      setName("");
      setDueDate("");
    } catch {
      // Shown from create.error below.
    }
  };

  return (
    <form onSubmit={onSubmit} aria-label="Add a milestone" className="grid gap-3 sm:grid-cols-[1fr_11rem_auto] sm:items-start" noValidate>
      {create.error && Object.keys(errors).length === 0 && (
        <div className="sm:col-span-3">
          <Alert>{errorMessage(create.error)}</Alert>
        </div>
      )}
      <TextField label="Milestone" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} errors={errors.name} placeholder="Press kit ready" />
      <TextField label="Due date" type="date" value={dueDate} min={min} max={max} onChange={(e) => setDueDate(e.target.value)} errors={errors.dueDate} />
      <Button type="submit" disabled={create.isPending} className="sm:mt-6">
        {create.isPending ? "Adding…" : "Add milestone"}
      </Button>
    </form>
  );
}

/** Not done and its day is before today. */
function isOverdue(milestone: RowMilestone, today: string): boolean {
  return milestone.completedAt === null && milestone.dueDate < today;
}
