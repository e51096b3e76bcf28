"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useController, useFieldArray, useForm } from "react-hook-form";
import { errorMessage, fieldErrors } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { confirmAction } from "@/components/ui/toaster";
import type { ApprovalStagePolicy } from "@/db/schema/enum-values";
import { MAX_STAGES, saveApprovalPolicyInput } from "@/server/services/approval-policies/approval-policies.schema";
import { campaignTypeLabels, campaignTypes, channelLabels, channels } from "@/server/services/campaigns/campaign-labels";
import { ApprovalStageFields, type MemberOption, type PolicyValues } from "./approval-stage-fields";
import { ChoiceGroup } from "./choice-group";

export type EditedPolicy = PolicyValues & { policyId?: string };

const newStage = (): ApprovalStagePolicy => ({
  name: "",
  approvers: { userIds: [], roles: ["manager"], emails: [] },
  rule: "any",
  quorum: null,
  remindEveryHours: null,
  timeout: { amount: 8, unit: "business_hours" },
  onTimeout: { remind: true, escalateTo: null, then: "wait" },
});

export const newPolicy = (): EditedPolicy => ({ name: "", stages: [newStage()], allowSelfApproval: false, requireChecks: true, campaignTypes: [], channels: [] });

const typeOptions = campaignTypes.map((type) => ({ value: type, label: campaignTypeLabels[type] }));
const channelOptions = channels.map((channel) => ({ value: channel, label: channelLabels[channel] }));

/** Creates or edits a policy in a modal dialog; null closes it. */
export function ApprovalPolicyDialog({ policy, members, onClose }: { policy: EditedPolicy | null; members: MemberOption[]; onClose: () => void }) {
  const headingId = useId();
  return (
    <ModalDialog open={policy !== null} onClose={onClose} labelledBy={headingId} className="max-h-[calc(100vh-2rem)] w-[min(46rem,calc(100vw-1rem))]">
      {policy && (
        <div className="space-y-4 p-4 sm:p-5">
          <div className="flex items-start justify-between gap-3">
            <h2 id={headingId} className="text-base font-semibold text-slate-900">
              {policy.policyId ? `Edit “${policy.name}”` : "New approval policy"}
            </h2>
            <Button variant="ghost" className="px-2 py-1" onClick={onClose}>
              Close
            </Button>
          </div>
          <PolicyForm key={policy.policyId ?? "new"} policy={policy} members={members} onSaved={onClose} />
        </div>
      )}
    </ModalDialog>
  );
}

function PolicyForm({ policy, members, onSaved }: { policy: EditedPolicy; members: MemberOption[]; onSaved: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({ resolver: zodResolver(saveApprovalPolicyInput), defaultValues: policy });
  const stages = useFieldArray({ control: form.control, name: "stages" });
  const types = useController({ control: form.control, name: "campaignTypes" });
  const channelDefaults = useController({ control: form.control, name: "channels" });
  const save = useMutation(trpc.approvalPolicy.save.mutationOptions());
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync(values);
      confirmAction(policy.policyId ? `Policy “${saved.name}” saved.` : `Policy “${saved.name}” created.`);
      await queryClient.invalidateQueries(trpc.approvalPolicy.list.queryFilter());
      onSaved();
    } catch (error) {
      const byField = fieldErrors(error);
      // Paths like "stages.1.quorum" are the form's own field names.
      for (const [field, messages] of Object.entries(byField)) form.setError(field as "name", { message: messages[0] });
      if (Object.keys(byField).length === 0) form.setError("root", { message: errorMessage(error) });
      else form.setError("root", { message: "Some of this can't be saved: see the messages by the fields." });
    }
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {errors.root?.message && <Alert>{errors.root.message}</Alert>}
      <TextField label="Policy name" errors={errors.name?.message ? [errors.name.message] : undefined} {...form.register("name")} />
      <div className="space-y-3">
        <h3 className="text-sm font-semibold text-slate-900">Stages, in order</h3>
        {stages.fields.map((field, index) => (
          <ApprovalStageFields
            key={field.id}
            form={form}
            index={index}
            count={stages.fields.length}
            members={members}
            onMove={(to) => stages.move(index, to)}
            onRemove={() => stages.remove(index)}
          />
        ))}
        {errors.stages?.message && <p className="text-sm text-red-700">{errors.stages.message}</p>}
        <Button type="button" variant="secondary" disabled={stages.fields.length >= MAX_STAGES} onClick={() => stages.append(newStage())}>
          Add stage
        </Button>
      </div>
      <div className="space-y-3 border-t border-slate-200 pt-4">
        <h3 className="text-sm font-semibold text-slate-900">Where it applies</h3>
        <p className="text-sm text-slate-600">A content item follows its channel&apos;s policy, else its campaign type&apos;s; a campaign&apos;s plan its type&apos;s.</p>
        <ChoiceGroup legend="Default for campaign types" options={typeOptions} value={types.field.value} onChange={types.field.onChange} error={errors.campaignTypes?.message} />
        <ChoiceGroup legend="Default for channels" options={channelOptions} value={channelDefaults.field.value} onChange={channelDefaults.field.onChange} error={errors.channels?.message} />
      </div>
      <div className="space-y-2 border-t border-slate-200 pt-4">
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" role="switch" className="mt-0.5 size-4 accent-brand-600" {...form.register("requireChecks")} />
          <span>
            Content checks must pass first
            <span className="block text-slate-500">No errors from brand rules, links, alt text or channel limits before approval can be requested.</span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" role="switch" className="mt-0.5 size-4 accent-brand-600" {...form.register("allowSelfApproval")} />
          <span>
            Requesters may approve their own requests
            <span className="block text-slate-500">Off: someone who asks for approval is skipped as an approver of it.</span>
          </span>
        </label>
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save policy"}
      </Button>
    </form>
  );
}
