"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Controller, type UseFormReturn, useWatch } from "react-hook-form";
import { useTRPC } from "@/components/trpc/react";
import { SelectField, TextField } from "@/components/ui/field";
import { taskPriorities } from "@/db/schema/enum-values";
import { taskPriorityLabels } from "@/server/services/tasks/task-status";
import { SkillsField } from "./skills-field";
import type { TaskFormValues } from "./task-form";

export interface TaskOptions {
  campaigns: { id: string; name: string }[];
  members: { id: string; name: string }[];
  skills: string[];
}

const err = (message?: string) => (message ? [message] : undefined);

/**
 * A task's fields, for the New task dialog and the task page alike. The
 * milestone and content item offered are those of the chosen campaign;
 * choosing another campaign clears them.
 */
export function TaskFields({
  form,
  options,
  timeZone,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the two forms differ only in what the resolver outputs
}: { form: UseFormReturn<TaskFormValues, unknown, any>; options: TaskOptions; timeZone: string }) {
  const trpc = useTRPC();
  const descriptionId = useId();
  const { errors } = form.formState;
  const campaignId = useWatch({ control: form.control, name: "campaignId" });
  const campaign = useQuery({ ...trpc.campaign.get.queryOptions({ campaignId }), enabled: !!campaignId });
  const content = useQuery({ ...trpc.content.list.queryOptions({ campaignId }), enabled: !!campaignId });
  // A campaign closed since the task was linked is still shown as its link.
  const campaigns = options.campaigns.some((c) => c.id === campaignId) || !campaign.data ? options.campaigns : [...options.campaigns, { id: campaign.data.id, name: campaign.data.name }];

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <TextField label="Title" errors={err(errors.title?.message)} {...form.register("title")} />
      </div>
      <SelectField
        label="Campaign"
        errors={err(errors.campaignId?.message)}
        {...form.register("campaignId", {
          onChange: () => {
            form.setValue("milestoneId", "");
            form.setValue("contentItemId", "");
          },
        })}
      >
        <option value="">No campaign</option>
        {campaigns.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Assignee" errors={err(errors.assigneeId?.message)} {...form.register("assigneeId")}>
        <option value="">Nobody yet</option>
        {options.members.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name}
          </option>
        ))}
      </SelectField>
      {campaignId && (
        <>
          <SelectField label="Milestone" errors={err(errors.milestoneId?.message)} {...form.register("milestoneId")}>
            <option value="">No milestone</option>
            {campaign.data?.milestones.map((milestone) => (
              <option key={milestone.id} value={milestone.id}>
                {milestone.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Content item" errors={err(errors.contentItemId?.message)} {...form.register("contentItemId")}>
            <option value="">No content item</option>
            {content.data?.map((item) => (
              <option key={item.id} value={item.id}>
                {item.title || "Untitled"}
              </option>
            ))}
          </SelectField>
        </>
      )}
      <TextField label="Due" type="datetime-local" hint={`Your time (${timeZone})`} errors={err(errors.due?.message)} {...form.register("due")} />
      <div className="grid grid-cols-2 gap-4">
        <TextField label="Estimate (hours)" inputMode="decimal" placeholder="4" errors={err(errors.estimateHours?.message)} {...form.register("estimateHours")} />
        <SelectField label="Priority" errors={err(errors.priority?.message)} {...form.register("priority")}>
          {taskPriorities.map((priority) => (
            <option key={priority} value={priority}>
              {taskPriorityLabels[priority]}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="sm:col-span-2">
        <Controller
          control={form.control}
          name="requiredSkills"
          render={({ field, fieldState }) => <SkillsField catalogue={options.skills} value={field.value} onChange={field.onChange} error={fieldState.error?.message} />}
        />
      </div>
      <div className="space-y-1 sm:col-span-2">
        <label htmlFor={descriptionId} className="block text-sm font-medium text-slate-800">
          Description
        </label>
        <textarea
          id={descriptionId}
          rows={4}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? `${descriptionId}-error` : undefined}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/20"
          {...form.register("description")}
        />
        {errors.description?.message && (
          <p id={`${descriptionId}-error`} className="text-sm text-red-700">
            {errors.description.message}
          </p>
        )}
      </div>
    </div>
  );
}
