"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, fieldErrors } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useViewer } from "@/components/viewer/viewer-context";
import { formatDayRange, toLocalInputValue } from "@/server/services/date-time";
import { confirmAction } from "@/components/ui/toaster";

/** Picks the time an item goes out, in the viewer's time zone; the server keeps the instant. */
export function ContentSchedule({ item }: { item: { id: string; campaignId: string; scheduledAt: Date | null; campaign: { startDate: string; endDate: string } } }) {
  return <ScheduleForm item={item} key={item.scheduledAt?.getTime() ?? "none"} />;
}

function ScheduleForm({ item }: { item: Parameters<typeof ContentSchedule>[0]["item"] }) {
  const viewer = useViewer();
  const timeZone = viewer.timeZone;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [when, setWhen] = useState(item.scheduledAt ? toLocalInputValue(timeZone, item.scheduledAt) : "");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const reschedule = useMutation(trpc.content.reschedule.mutationOptions());

  async function save(localDateTime: string | null) {
    setError(null);
    setErrors({});
    try {
      await reschedule.mutateAsync({ contentItemId: item.id, localDateTime, timeZone });
      confirmAction(localDateTime ? "Schedule saved." : "No longer scheduled.");
      await Promise.all([
        queryClient.invalidateQueries(trpc.content.get.queryFilter({ contentItemId: item.id })),
        queryClient.invalidateQueries(trpc.content.list.queryFilter({ campaignId: item.campaignId })),
      ]);
    } catch (caught) {
      setError(errorMessage(caught));
      setErrors(fieldErrors(caught));
    }
  }

  return (
    <form
      aria-label="Schedule"
      onSubmit={(event) => {
        event.preventDefault();
        void save(when || null);
      }}
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-5"
      noValidate
    >
      <h2 className="text-lg font-semibold">Schedule</h2>
      {error && !errors.localDateTime && <Alert>{error}</Alert>}
      <TextField
        label="Goes out at"
        type="datetime-local"
        value={when}
        min={`${item.campaign.startDate}T00:00`}
        max={`${item.campaign.endDate}T23:59`}
        onChange={(event) => setWhen(event.target.value)}
        errors={errors.localDateTime}
        hint={`In your time zone, ${timeZone}. The campaign runs ${formatDayRange(viewer, item.campaign.startDate, item.campaign.endDate)}.`}
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={reschedule.isPending}>
          Save time
        </Button>
        {item.scheduledAt && (
          <Button type="button" variant="ghost" disabled={reschedule.isPending} onClick={() => void save(null)}>
            Unschedule
          </Button>
        )}
      </div>
    </form>
  );
}
