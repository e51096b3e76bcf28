"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { errorMessage, fieldErrors } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { confirmAction } from "@/components/ui/toaster";
import { DayRange } from "@/components/viewer/formatted";
import { addTimeOffInput, updateProfileInput } from "@/server/services/team/team.schema";
import type { TeamMemberProfile } from "./planning-profiles";
import { weekdays } from "./weekdays";

type ProfileValues = z.input<typeof updateProfileInput>;
type TimeOffValues = z.input<typeof addTimeOffInput>;

/** The zones this browser knows; listed only once the dialog opens, so the server's list never has to match it. */
const zoneNames = () => Intl.supportedValuesOf("timeZone");

/** Edits one member's profile and time off in a modal <dialog> (focus stays inside, Escape closes). */
export function ProfileDialog({ member, catalogue, onClose }: { member: TeamMemberProfile | null; catalogue: string[]; onClose: () => void }) {
  const headingId = useId();
  return (
    <ModalDialog open={member !== null} onClose={onClose} labelledBy={headingId} className="max-h-[calc(100vh-2rem)] w-[min(36rem,calc(100vw-1.5rem))]">
      {member && (
        <div className="space-y-6 p-5">
          <div className="flex items-start justify-between gap-3">
            <h2 id={headingId} className="text-base font-semibold text-slate-900">
              {member.name}: skills and availability
            </h2>
            <Button variant="ghost" className="px-2 py-1" onClick={onClose}>
              Close
            </Button>
          </div>
          <ProfileForm key={member.userId} member={member} catalogue={catalogue} />
          <TimeOffEditor member={member} />
        </div>
      )}
    </ModalDialog>
  );
}

function ProfileForm({ member, catalogue }: { member: TeamMemberProfile; catalogue: string[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<ProfileValues, unknown, z.output<typeof updateProfileInput>>({
    resolver: zodResolver(updateProfileInput),
    defaultValues: { userId: member.userId, skills: member.skills, weeklyCapacityHours: member.weeklyCapacityHours, workingDays: member.workingDays, timeZone: member.timeZone },
  });
  const update = useMutation(trpc.team.updateProfile.mutationOptions());
  const workingDays = useWatch({ control: form.control, name: "workingDays" }) ?? [];
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await update.mutateAsync(values);
      confirmAction(`Saved ${member.name}'s skills and availability.`);
      await Promise.all([queryClient.invalidateQueries(trpc.team.profiles.queryFilter()), queryClient.invalidateQueries(trpc.team.workload.queryFilter())]);
    } catch (error) {
      const byField = fieldErrors(error);
      for (const [field, messages] of Object.entries(byField)) form.setError(field as keyof ProfileValues, { message: messages[0] });
      if (Object.keys(byField).length === 0) form.setError("root", { message: errorMessage(error) });
    }
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {errors.root?.message && <Alert>{errors.root.message}</Alert>}
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Skills</legend>
        {catalogue.length === 0 ? (
          <p className="text-sm text-slate-500">This workspace has no skills yet: a manager adds them below.</p>
        ) : (
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {catalogue.map((skill) => (
              <label key={skill} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" value={skill} {...form.register("skills")} className="size-4 accent-brand-600" />
                {skill}
              </label>
            ))}
          </div>
        )}
        {errors.skills?.message && <p className="mt-1 text-sm text-red-700">{errors.skills.message}</p>}
      </fieldset>
      <TextField
        label="Weekly capacity (hours)"
        type="number"
        inputMode="numeric"
        min={0}
        max={168}
        errors={errors.weeklyCapacityHours?.message ? [errors.weeklyCapacityHours.message] : undefined}
        {...form.register("weeklyCapacityHours", { valueAsNumber: true })}
      />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Working days</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {weekdays.map((day) => (
            <label key={day.value} className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-brand-600"
                checked={workingDays.includes(day.value)}
                onChange={(event) =>
                  form.setValue("workingDays", event.target.checked ? [...workingDays, day.value].sort() : workingDays.filter((value) => value !== day.value), { shouldDirty: true })
                }
              />
              <span aria-hidden>{day.short}</span>
              <span className="sr-only">{day.name}</span>
            </label>
          ))}
        </div>
        {errors.workingDays?.message && <p className="mt-1 text-sm text-red-700">{errors.workingDays.message}</p>}
      </fieldset>
      <SelectField
        label="Time zone"
        errors={errors.timeZone?.message ? [errors.timeZone.message] : undefined}
        {...form.register("timeZone", { setValueAs: (value: string | null) => (value ? value : null) })}
      >
        <option value="">The workspace&apos;s zone</option>
        {zoneNames().map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save profile"}
      </Button>
    </form>
  );
}

function TimeOffEditor({ member }: { member: TeamMemberProfile }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<TimeOffValues, unknown, z.output<typeof addTimeOffInput>>({
    resolver: zodResolver(addTimeOffInput),
    defaultValues: { userId: member.userId, startDate: "", endDate: "", note: "" },
  });
  const refresh = () => Promise.all([queryClient.invalidateQueries(trpc.team.profiles.queryFilter()), queryClient.invalidateQueries(trpc.team.workload.queryFilter())]);
  const add = useMutation(trpc.team.addTimeOff.mutationOptions());
  const remove = useMutation(
    trpc.team.removeTimeOff.mutationOptions({
      onSuccess: () => confirmAction("Time off removed."),
      onSettled: refresh,
    }),
  );
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync(values);
      confirmAction(`Time off added for ${member.name}.`);
      form.reset({ userId: member.userId, startDate: "", endDate: "", note: "" });
      await refresh();
    } catch (error) {
      const byField = fieldErrors(error);
      for (const [field, messages] of Object.entries(byField)) form.setError(field as keyof TimeOffValues, { message: messages[0] });
      if (Object.keys(byField).length === 0) form.setError("root", { message: errorMessage(error) });
    }
  });

  return (
    <section aria-labelledby={`time-off-${member.userId}`} className="space-y-3 border-t border-slate-200 pt-4">
      <h3 id={`time-off-${member.userId}`} className="text-sm font-semibold text-slate-900">
        Time off
      </h3>
      {member.timeOff.length === 0 ? (
        <p className="text-sm text-slate-500">No time off planned.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {member.timeOff.map((away) => (
            <li key={away.id} className="flex items-center justify-between gap-2">
              <span>
                <DayRange start={away.startDate} end={away.endDate} />
                {away.note && <span className="text-slate-500"> · {away.note}</span>}
              </span>
              <Button variant="ghost" className="px-2 py-1 text-red-700" disabled={remove.isPending} onClick={() => remove.mutate({ timeOffId: away.id })}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      {remove.error && <Alert>{errorMessage(remove.error)}</Alert>}
      <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" noValidate>
        {errors.root?.message && (
          <div className="sm:col-span-2">
            <Alert>{errors.root.message}</Alert>
          </div>
        )}
        <TextField label="First day off" type="date" errors={errors.startDate?.message ? [errors.startDate.message] : undefined} {...form.register("startDate")} />
        <TextField label="Last day off" type="date" errors={errors.endDate?.message ? [errors.endDate.message] : undefined} {...form.register("endDate")} />
        <div className="sm:col-span-2">
          <TextField label="Note (optional)" errors={errors.note?.message ? [errors.note.message] : undefined} {...form.register("note")} />
        </div>
        <div>
          <Button type="submit" variant="secondary" disabled={isSubmitting}>
            {isSubmitting ? "Adding…" : "Add time off"}
          </Button>
        </div>
      </form>
    </section>
  );
}
