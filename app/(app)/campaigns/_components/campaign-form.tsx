"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type Control, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { campaignTypeLabels, campaignTypes, channelLabels, channels } from "@/server/services/campaigns/campaign-labels";
import { Day } from "@/components/viewer/formatted";
import { errorMessage, fieldErrors } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { confirmAction } from "@/components/ui/toaster";
import type { Campaign } from "@/db/schema/campaigns";
import { createCampaignInput } from "@/server/services/campaigns/campaign.schema";
import { useToday } from "./use-today";

type Values = z.input<typeof createCampaignInput>;
type Output = z.output<typeof createCampaignInput>;

function initialValues(campaign: Campaign | undefined, ownerId: string): Values {
  if (!campaign) {
    return {
      name: "",
      type: "product_launch",
      goal: "",
      kpiName: "",
      kpiTarget: "",
      audience: "",
      channels: [],
      budgetAmount: "",
      currency: "USD",
      ownerId,
      startDate: "",
      launchDate: "",
      endDate: "",
      withTimeline: true,
    };
  }
  return {
    name: campaign.name,
    type: campaign.type,
    goal: campaign.goal,
    kpiName: campaign.kpiName,
    kpiTarget: campaign.kpiTarget ?? "",
    audience: campaign.audience,
    channels: campaign.channels,
    budgetAmount: campaign.budgetAmount ?? "",
    currency: campaign.currency,
    ownerId: campaign.ownerId,
    startDate: campaign.startDate,
    launchDate: campaign.launchDate,
    endDate: campaign.endDate,
  };
}

/** Creates a campaign, or edits one when `campaign` is given. The server checks everything again. */
export function CampaignForm({ campaign, currentUserId }: { campaign?: Campaign; currentUserId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: members } = useSuspenseQuery(trpc.member.list.queryOptions());
  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(createCampaignInput),
    defaultValues: initialValues(campaign, currentUserId),
  });
  const create = useMutation(trpc.campaign.create.mutationOptions());
  const update = useMutation(trpc.campaign.update.mutationOptions());

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { withTimeline: _withTimeline, bufferDays: _bufferDays, ...fields } = values;
      const saved = campaign ? await update.mutateAsync({ campaignId: campaign.id, ...fields }) : await create.mutateAsync(values);
      confirmAction(campaign ? "Changes saved." : "Campaign created.");
      await queryClient.invalidateQueries(trpc.campaign.pathFilter());
      router.push(`/campaigns/${saved.id}`);
    } catch (error) {
      const byField = fieldErrors(error);
      for (const [field, messages] of Object.entries(byField)) form.setError(field as keyof Values, { message: messages[0] });
      if (Object.keys(byField).length === 0) form.setError("root", { message: errorMessage(error) });
    }
  });

  const { errors, isSubmitting } = form.formState;
  const err = (message?: string) => (message ? [message] : undefined);
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-6">
      {errors.root?.message && <Alert>{errors.root.message}</Alert>}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-900">About</legend>
        <div className="sm:col-span-2">
          <TextField label="Name" errors={err(errors.name?.message)} {...form.register("name")} />
        </div>
        <SelectField label="Type" errors={err(errors.type?.message)} {...form.register("type")}>
          {campaignTypes.map((type) => (
            <option key={type} value={type}>
              {campaignTypeLabels[type]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Owner" errors={err(errors.ownerId?.message)} {...form.register("ownerId")}>
          {members.map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.name}
            </option>
          ))}
        </SelectField>
        <div className="sm:col-span-2">
          <TextField label="Goal" placeholder="What should this campaign achieve?" errors={err(errors.goal?.message)} {...form.register("goal")} />
        </div>
        <TextField label="Target KPI" placeholder="Sign-ups" errors={err(errors.kpiName?.message)} {...form.register("kpiName")} />
        <TextField label="KPI target" inputMode="decimal" placeholder="2000" errors={err(errors.kpiTarget?.message)} {...form.register("kpiTarget")} />
        <div className="sm:col-span-2">
          <TextField label="Audience" placeholder="Who is it for?" errors={err(errors.audience?.message)} {...form.register("audience")} />
        </div>
      </fieldset>

      <fieldset>
        <legend className="mb-2 text-sm font-semibold text-slate-900">Channels</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {channels.map((channel) => (
            <label key={channel} className="inline-flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" value={channel} className="size-4 rounded border-slate-300" {...form.register("channels")} />
              {channelLabels[channel]}
            </label>
          ))}
        </div>
        {errors.channels?.message && <p className="mt-1 text-sm text-red-700">{errors.channels.message}</p>}
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Dates</legend>
        <TextField label="Start date" type="date" errors={err(errors.startDate?.message)} {...form.register("startDate")} />
        <TextField label="Launch date" type="date" errors={err(errors.launchDate?.message)} {...form.register("launchDate")} />
        <TextField label="End date" type="date" errors={err(errors.endDate?.message)} {...form.register("endDate")} />
      </fieldset>

      {!campaign && (
        <fieldset className="space-y-3">
          <legend className="mb-2 text-sm font-semibold text-slate-900">Timeline</legend>
          <label className="inline-flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" className="size-4 rounded border-slate-300" {...form.register("withTimeline")} />
            Plan milestones from the campaign template
          </label>
          <div className="max-w-48">
            <TextField
              label="Buffer (business days)"
              type="number"
              min={0}
              max={30}
              placeholder="Workspace default"
              errors={err(errors.bufferDays?.message)}
              {...form.register("bufferDays", { setValueAs: (value: string) => (value === "" || value === undefined ? undefined : Number(value)) })}
            />
          </div>
          <TimelinePreview control={form.control} />
        </fieldset>
      )}

      <fieldset className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Budget</legend>
        <TextField label="Budget amount" inputMode="decimal" placeholder="12500" errors={err(errors.budgetAmount?.message)} {...form.register("budgetAmount")} />
        <TextField label="Currency" maxLength={3} errors={err(errors.currency?.message)} {...form.register("currency")} />
      </fieldset>

      <div className="flex gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : campaign ? "Save changes" : "Create campaign"}
        </Button>
        <Button type="button" variant="ghost" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** The milestones the template would give, dated from the launch date as it is typed (holidays and buffer included). */
function TimelinePreview({ control }: { control: Control<Values, unknown, Output> }) {
  const trpc = useTRPC();
  const [type, launchDate, startDate, bufferDays, withTimeline] = useWatch({ control, name: ["type", "launchDate", "startDate", "bufferDays", "withTimeline"] });
  const ready = withTimeline !== false && /^\d{4}-\d{2}-\d{2}$/.test(launchDate ?? "") && (bufferDays === undefined || (Number.isInteger(bufferDays) && bufferDays >= 0 && bufferDays <= 30));
  const preview = useQuery({
    ...trpc.template.preview.queryOptions({ type: type ?? "product_launch", launchDate: launchDate ?? "", bufferDays }),
    enabled: ready,
  });
  const today = useToday();
  if (withTimeline === false) return null;
  if (!ready) return <p className="text-sm text-slate-600">Choose a launch date to see the milestones.</p>;
  if (!preview.data) return <p className="text-sm text-slate-600">Planning the milestones…</p>;
  const beforeStart = startDate ? preview.data.milestones.filter((milestone) => milestone.dueDate < startDate).length : 0;
  const past = today ? preview.data.milestones.filter((milestone) => milestone.dueDate < today).length : 0;
  return (
    <div>
      {(beforeStart > 0 || past > 0) && (
        <div className="mb-3">
          <Alert tone="info">
            <span className="font-medium text-amber-800">Check the dates: </span>
            {dateWarning(beforeStart, past)}
            {" "}Move the launch later, start earlier or use a smaller buffer, or create it and move those milestones afterwards.
          </Alert>
        </div>
      )}
      <p className="text-sm text-slate-600">
        Counted back in business days from the launch
        {preview.data.holidayCountry ? `, skipping weekends and ${preview.data.holidayCountry} public holidays` : ", skipping weekends"}:
      </p>
      <ol aria-label="Planned milestones" className="mt-2 space-y-1 text-sm">
        {preview.data.milestones.map((milestone) => (
          <li key={`${milestone.position}-${milestone.name}`} className="flex gap-3">
            <span className="w-36 shrink-0 text-slate-600"><Day value={milestone.dueDate} /></span>
            <span className="text-slate-900">{milestone.name}</span>
            {startDate && milestone.dueDate < startDate && <span className="text-amber-700">before the campaign starts</span>}
            {today && milestone.dueDate < today && <span className="text-amber-700">already past</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** "2 milestones would fall before the campaign starts and 1 is already past." */
function dateWarning(beforeStart: number, past: number): string {
  const parts = [
    beforeStart > 0 && `${beforeStart} ${beforeStart === 1 ? "milestone would fall" : "milestones would fall"} before the campaign starts`,
    past > 0 && (beforeStart > 0 ? `${past} ${past === 1 ? "is" : "are"} already past` : `${past} ${past === 1 ? "milestone is" : "milestones are"} already past`),
  ].filter(Boolean);
  return `${parts.join(" and ")}.`;
}
