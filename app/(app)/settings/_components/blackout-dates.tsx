"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, fieldErrors } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { confirmAction } from "@/components/ui/toaster";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/field";
import { useViewer } from "@/components/viewer/viewer-context";
import { formatDayRange } from "@/server/services/date-time";

/** Days nothing should go out; managers and admins add and remove them. */
export function BlackoutDates({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: blackouts } = useSuspenseQuery(trpc.settings.listBlackouts.queryOptions());
  const viewer = useViewer();
  const [startDate, setStartDate] = useState("");
  const [endDate, setEndDate] = useState("");
  const [reason, setReason] = useState("");
  const refresh = () => queryClient.invalidateQueries(trpc.settings.listBlackouts.queryFilter());
  const add = useMutation(
    trpc.settings.addBlackout.mutationOptions({
      onSuccess: (_result, input) => {
        confirmAction(input.reason ? `Blackout “${input.reason}” added.` : "Blackout added.");
        return refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.settings.removeBlackout.mutationOptions({ onSuccess: () => confirmAction("Blackout removed."), onSettled: refresh }),
  );
  const errors = add.error ? fieldErrors(add.error) : {};

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      await add.mutateAsync({ startDate, endDate: endDate || startDate, reason });
      setStartDate("");
      setEndDate("");
      setReason("");
    } catch {
      // Shown from add.error below.
    }
  };

  return (
    <section aria-labelledby="blackouts-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="blackouts-heading" className="font-semibold">
        Blackout dates
      </h2>
      <p className="text-sm text-slate-600">The calendar warns about anything planned on these days.</p>
      {remove.error && <Alert>{errorMessage(remove.error)}</Alert>}
      {blackouts.length === 0 ? (
        <EmptyState title="No blackout dates">{canEdit ? "Add the days nothing should go out, like a company offsite." : "None have been set."}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
          {blackouts.map((blackout) => {
            const days = formatDayRange(viewer, blackout.startDate, blackout.endDate);
            return (
              <li key={blackout.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
                <div>
                  <p className="font-medium">{blackout.reason}</p>
                  <p className="text-slate-500">{days}</p>
                </div>
                {canEdit && (
                  <Button variant="danger" disabled={remove.isPending} aria-label={`Remove blackout “${blackout.reason}” (${days})`} onClick={() => remove.mutate({ blackoutId: blackout.id })}>
                    Remove
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canEdit && (
        <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-[10rem_10rem_1fr_auto] sm:items-start" noValidate aria-label="Add a blackout date">
          {add.error && Object.keys(errors).length === 0 && (
            <div className="sm:col-span-4">
              <Alert>{errorMessage(add.error)}</Alert>
            </div>
          )}
          <TextField label="First day" type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} errors={errors.startDate} required />
          <TextField label="Last day" type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} errors={errors.endDate} hint="Empty for one day" />
          <TextField label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} errors={errors.reason} maxLength={120} placeholder="Company offsite" />
          <Button type="submit" disabled={add.isPending} className="sm:mt-6">
            {add.isPending ? "Adding…" : "Add blackout"}
          </Button>
        </form>
      )}
    </section>
  );
}
