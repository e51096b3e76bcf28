"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { errorMessage, fieldErrors } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { confirmAction } from "@/components/ui/toaster";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

const timeZones = ["UTC", ...Intl.supportedValuesOf("timeZone")];

/** Holiday country, time zone, channel limit, default buffer and task reminders; admins edit, everyone else reads. */
export function PlanningForm({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: settings } = useSuspenseQuery(trpc.settings.get.queryOptions());
  const [country, setCountry] = useState(settings.holidayCountry ?? "");
  const [countryFilter, setCountryFilter] = useState("");
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [limit, setLimit] = useState(String(settings.channelDailyLimit));
  const [buffer, setBuffer] = useState(String(settings.milestoneBufferDays));
  const [leadHours, setLeadHours] = useState(String(settings.reminderLeadHours));
  const [escalationDays, setEscalationDays] = useState(String(settings.escalationBusinessDays));
  const update = useMutation(trpc.settings.update.mutationOptions());
  const errors = update.error ? fieldErrors(update.error) : {};

  const countries = useMemo(() => {
    const needle = countryFilter.trim().toLowerCase();
    const matches = settings.countries.filter((c) => !needle || c.name.toLowerCase().includes(needle) || c.code.toLowerCase() === needle);
    // The chosen country stays in the list so the select never shows something else.
    const chosen = settings.countries.find((c) => c.code === country);
    return chosen && !matches.includes(chosen) ? [chosen, ...matches] : matches;
  }, [settings.countries, countryFilter, country]);

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      await update.mutateAsync({
        holidayCountry: country || null,
        timeZone,
        channelDailyLimit: Number(limit),
        milestoneBufferDays: Number(buffer),
        reminderLeadHours: Number(leadHours),
        escalationBusinessDays: Number(escalationDays),
      });
      confirmAction("Planning settings saved.");
      await queryClient.invalidateQueries(trpc.settings.get.queryFilter());
    } catch {
      // Shown from update.error below.
    }
  };

  const fieldErrorsShown = Object.keys(errors).length > 0;
  return (
    <section aria-labelledby="planning-heading" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="planning-heading" className="font-semibold">
        Planning
      </h2>
      <p className="mb-4 mt-1 text-sm text-slate-600">
        Timelines skip weekends and the public holidays of the country you choose.
        {!canEdit && " Only workspace admins can change these."}
      </p>
      <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
        {update.error && !fieldErrorsShown && (
          <div className="sm:col-span-2">
            <Alert>{errorMessage(update.error)}</Alert>
          </div>
        )}
        <div className="space-y-2">
          <TextField
            label="Find a country"
            type="search"
            value={countryFilter}
            onChange={(e) => setCountryFilter(e.target.value)}
            disabled={!canEdit}
            hint="Type part of a name to shorten the list"
          />
          <SelectField label="Holiday country" value={country} onChange={(e) => setCountry(e.target.value)} disabled={!canEdit} errors={errors.holidayCountry}>
            <option value="">None (weekends only)</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </SelectField>
        </div>
        <SelectField label="Time zone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} disabled={!canEdit} errors={errors.timeZone} hint="Decides which day a scheduled item falls on">
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Most items per channel per day"
          type="number"
          min={1}
          max={50}
          inputMode="numeric"
          value={limit}
          onChange={(e) => setLimit(e.target.value)}
          disabled={!canEdit}
          errors={errors.channelDailyLimit}
          hint="More than this on one channel in one day shows as a conflict"
        />
        <TextField
          label="Default buffer (business days)"
          type="number"
          min={0}
          max={30}
          inputMode="numeric"
          value={buffer}
          onChange={(e) => setBuffer(e.target.value)}
          disabled={!canEdit}
          errors={errors.milestoneBufferDays}
          hint="Extra days of slack before each milestone of a new campaign"
        />
        <TextField
          label="First task reminder (hours before due)"
          type="number"
          min={1}
          max={168}
          inputMode="numeric"
          value={leadHours}
          onChange={(e) => setLeadHours(e.target.value)}
          disabled={!canEdit}
          errors={errors.reminderLeadHours}
          hint="The assignee is reminded then, an hour before, and when it is due"
        />
        <TextField
          label="Escalate overdue tasks after (business days)"
          type="number"
          min={1}
          max={20}
          inputMode="numeric"
          value={escalationDays}
          onChange={(e) => setEscalationDays(e.target.value)}
          disabled={!canEdit}
          errors={errors.escalationBusinessDays}
          hint="To the campaign's owner, then a business day later to the managers"
        />
        {canEdit && (
          <div className="sm:col-span-2">
            <Button type="submit" disabled={update.isPending}>
              {update.isPending ? "Saving…" : "Save planning settings"}
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}
