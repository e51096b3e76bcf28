"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, fieldErrors } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { confirmAction } from "@/components/ui/toaster";
import {
  type NotificationChannel,
  notificationChannelLabels,
  notificationChannels,
  type NotificationKind,
  notificationKindLabels,
} from "@/server/services/notifications/notification-kinds";

const hours = Array.from({ length: 24 }, (_, hour) => hour);
const hourLabel = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

/** How the member hears of each kind of notification in this workspace, when emails wait (quiet hours), and which digests come when. */
export function NotificationPreferencesForm({ workspaceName }: { workspaceName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.notification.preferences.queryOptions());
  const [channels, setChannels] = useState<Record<NotificationKind, NotificationChannel>>(
    () => Object.fromEntries(data.channels.map((choice) => [choice.kind, choice.channel])) as Record<NotificationKind, NotificationChannel>,
  );
  const [quietHoursStart, setQuietHoursStart] = useState(data.quietHoursStart ?? "");
  const [quietHoursEnd, setQuietHoursEnd] = useState(data.quietHoursEnd ?? "");
  const [digestHour, setDigestHour] = useState(data.digestHour);
  const [dailyDigest, setDailyDigest] = useState(data.dailyDigest);
  const [weeklyDigest, setWeeklyDigest] = useState(data.weeklyDigest);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation(trpc.notification.updatePreferences.mutationOptions());

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFailure(null);
    try {
      await save.mutateAsync({
        channels: data.channels.map(({ kind }) => ({ kind, channel: channels[kind] })),
        quietHoursStart: quietHoursStart || null,
        quietHoursEnd: quietHoursEnd || null,
        digestHour,
        dailyDigest,
        weeklyDigest,
      });
      confirmAction("Notification preferences saved.");
      await queryClient.invalidateQueries(trpc.notification.preferences.queryFilter());
    } catch (error) {
      const byField = fieldErrors(error);
      setErrors(byField);
      if (Object.keys(byField).length === 0) setFailure(errorMessage(error));
    }
  };

  const zone = data.timeZone ?? `${workspaceName}'s time zone`;
  return (
    <form onSubmit={onSubmit} aria-label="Notification preferences" className="space-y-5" noValidate>
      {failure && <Alert>{failure}</Alert>}
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">How you hear of each</legend>
        {errors.channels?.[0] && <p className="text-sm text-red-700">{errors.channels[0]}</p>}
        <div className="grid gap-3 sm:grid-cols-2">
          {data.channels.map(({ kind }) => (
            <SelectField
              key={kind}
              label={notificationKindLabels[kind]}
              value={channels[kind]}
              onChange={(event) => setChannels((current) => ({ ...current, [kind]: event.target.value as NotificationChannel }))}
            >
              {notificationChannels.map((channel) => (
                <option key={channel} value={channel}>
                  {notificationChannelLabels[channel]}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Quiet hours</legend>
        <p className="text-sm text-slate-600">Emails wait until quiet hours end, in {zone}. Leave both empty for none.</p>
        <div className="grid max-w-sm grid-cols-2 gap-3">
          <TextField label="From" type="time" value={quietHoursStart} onChange={(event) => setQuietHoursStart(event.target.value)} errors={errors.quietHoursStart} />
          <TextField label="Until" type="time" value={quietHoursEnd} onChange={(event) => setQuietHoursEnd(event.target.value)} errors={errors.quietHoursEnd} />
        </div>
      </fieldset>
      <fieldset className="max-w-sm space-y-2">
        <legend className="text-sm font-medium text-slate-800">Digests</legend>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={dailyDigest} onChange={(event) => setDailyDigest(event.target.checked)} className="size-4 accent-brand-600" />
          Daily “today's work” email on my working days
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={weeklyDigest} onChange={(event) => setWeeklyDigest(event.target.checked)} className="size-4 accent-brand-600" />
          Weekly summary of the campaigns I own, on Mondays
        </label>
        <SelectField
          label="Digests at"
          hint={`When the daily and weekly emails come, in ${zone}.`}
          value={digestHour}
          onChange={(event) => setDigestHour(Number(event.target.value))}
          errors={errors.digestHour}
        >
          {hours.map((hour) => (
            <option key={hour} value={hour}>
              {hourLabel(hour)}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save notification preferences"}
      </Button>
    </form>
  );
}
