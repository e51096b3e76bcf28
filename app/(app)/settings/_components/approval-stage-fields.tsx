"use client";

import { useState } from "react";
import { type UseFormReturn, useController, useWatch } from "react-hook-form";
import type { z } from "zod";
import { roleLabels } from "@/components/roles";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { type MemberRole, approvalRules, approvalTimeoutOutcomes, memberRoles } from "@/db/schema/enum-values";
import type { saveApprovalPolicyInput } from "@/server/services/approval-policies/approval-policies.schema";
import { emailText } from "@/server/services/shared/text.schema";
import { ChoiceGroup } from "./choice-group";

export type PolicyValues = z.input<typeof saveApprovalPolicyInput>;
export type PolicyForm = UseFormReturn<PolicyValues, unknown, z.output<typeof saveApprovalPolicyInput>>;
export interface MemberOption {
  userId: string;
  name: string;
}

const ruleLabels: Record<(typeof approvalRules)[number], string> = { any: "Any one of them", majority: "A majority of them", all: "All of them", at_least: "At least a number of them" };
const outcomeLabels: Record<(typeof approvalTimeoutOutcomes)[number], string> = { approve: "Approve automatically", expire: "Expire the request", wait: "Keep waiting" };
const roleOptions = memberRoles.map((role) => ({ value: role, label: `${roleLabels[role]}s` }));
const emptyToNull = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));
const message = (error: { message?: string } | undefined) => (error?.message ? [error.message] : undefined);

/** One stage of the policy form: its name, approvers, rule, reminders, timeout and what happens at it. */
export function ApprovalStageFields({
  form,
  index,
  count,
  members,
  onMove,
  onRemove,
}: {
  form: PolicyForm;
  index: number;
  count: number;
  members: MemberOption[];
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const prefix = `stages.${index}` as const;
  const errors = form.formState.errors.stages?.[index];
  const rule = useWatch({ control: form.control, name: `${prefix}.rule` });
  const approvers = useController({ control: form.control, name: `${prefix}.approvers` });
  const escalation = useController({ control: form.control, name: `${prefix}.onTimeout.escalateTo` });
  const memberOptions = members.map((member) => ({ value: member.userId, label: member.name }));
  const number = index + 1;

  return (
    <fieldset className="min-w-0 space-y-3 rounded-lg border border-slate-200 p-3 sm:p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">Stage {number}</legend>
      <div className="flex flex-wrap gap-1">
        <Button type="button" variant="ghost" className="px-2 py-1 disabled:opacity-40" disabled={index === 0} aria-label={`Move stage ${number} up`} onClick={() => onMove(index - 1)}>
          Up
        </Button>
        <Button type="button" variant="ghost" className="px-2 py-1 disabled:opacity-40" disabled={index === count - 1} aria-label={`Move stage ${number} down`} onClick={() => onMove(index + 1)}>
          Down
        </Button>
        <Button type="button" variant="ghost" className="px-2 py-1 text-red-700 disabled:opacity-40" disabled={count === 1} aria-label={`Remove stage ${number}`} onClick={onRemove}>
          Remove
        </Button>
      </div>
      <TextField label={`Stage ${number} name`} errors={message(errors?.name)} {...form.register(`${prefix}.name`)} />

      <div className="space-y-2">
        <p className="text-sm font-medium text-slate-800">
          Approvers of stage {number}
        </p>
        <ChoiceGroup
          legend="Members"
          scroll
          options={memberOptions}
          value={approvers.field.value.userIds}
          onChange={(userIds) => approvers.field.onChange({ ...approvers.field.value, userIds })}
        />
        <ChoiceGroup
          legend="Everyone with the role"
          options={roleOptions}
          value={approvers.field.value.roles as MemberRole[]}
          onChange={(roles) => approvers.field.onChange({ ...approvers.field.value, roles })}
        />
        <ExternalEmails stage={number} emails={approvers.field.value.emails} onChange={(emails) => approvers.field.onChange({ ...approvers.field.value, emails })} />
        {(errors?.approvers?.message || errors?.approvers?.emails?.message) && (
          <p className="text-sm text-red-700">{errors.approvers.message ?? errors.approvers.emails?.message}</p>
        )}
      </div>

      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label={`Who must approve stage ${number}`} errors={message(errors?.rule)} {...form.register(`${prefix}.rule`)}>
          {approvalRules.map((value) => (
            <option key={value} value={value}>
              {ruleLabels[value]}
            </option>
          ))}
        </SelectField>
        {rule === "at_least" && (
          <TextField
            label={`How many must approve stage ${number}`}
            type="number"
            inputMode="numeric"
            min={1}
            errors={message(errors?.quorum)}
            {...form.register(`${prefix}.quorum`, { setValueAs: emptyToNull })}
          />
        )}
        <TextField
          label={`Remind stage ${number}'s approvers every (business hours)`}
          type="number"
          inputMode="numeric"
          min={1}
          max={999}
          hint="Leave empty for no reminders before the timeout"
          errors={message(errors?.remindEveryHours)}
          {...form.register(`${prefix}.remindEveryHours`, { setValueAs: emptyToNull })}
        />
        <div className="grid grid-cols-2 gap-2">
          <TextField
            label={`Stage ${number} timeout`}
            type="number"
            inputMode="numeric"
            min={1}
            max={999}
            errors={message(errors?.timeout?.amount)}
            {...form.register(`${prefix}.timeout.amount`, { valueAsNumber: true })}
          />
          <SelectField label="Unit" errors={message(errors?.timeout?.unit)} {...form.register(`${prefix}.timeout.unit`)}>
            <option value="business_hours">Business hours</option>
            <option value="business_days">Business days</option>
          </SelectField>
        </div>
      </div>

      <fieldset className="min-w-0 space-y-2">
        <legend className="text-sm font-medium text-slate-800">At stage {number}&apos;s timeout, in this order</legend>
        <label className="flex items-center gap-1.5 text-sm">
          <input type="checkbox" className="size-4 accent-brand-600" {...form.register(`${prefix}.onTimeout.remind`)} />
          Remind them once more
        </label>
        <label className="flex items-center gap-1.5 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-brand-600"
            checked={escalation.field.value !== null}
            onChange={(event) => escalation.field.onChange(event.target.checked ? { userIds: [], roles: ["admin"] } : null)}
          />
          Escalate
        </label>
        {escalation.field.value && (
          <div className="space-y-2 border-l-2 border-slate-200 pl-3">
            <ChoiceGroup
              legend="Escalate to members"
              scroll
              options={memberOptions}
              value={escalation.field.value.userIds}
              onChange={(userIds) => escalation.field.onChange({ ...escalation.field.value!, userIds })}
            />
            <ChoiceGroup
              legend="Escalate to everyone with the role"
              options={roleOptions}
              value={escalation.field.value.roles as MemberRole[]}
              onChange={(roles) => escalation.field.onChange({ ...escalation.field.value!, roles })}
              error={errors?.onTimeout?.escalateTo?.message}
            />
          </div>
        )}
        <SelectField label={`Then, for stage ${number}`} errors={message(errors?.onTimeout?.then)} {...form.register(`${prefix}.onTimeout.then`)}>
          {approvalTimeoutOutcomes.map((value) => (
            <option key={value} value={value}>
              {outcomeLabels[value]}
            </option>
          ))}
        </SelectField>
      </fieldset>
    </fieldset>
  );
}

const emailField = emailText();

/** External reviewers by address: added one at a time, each checked as it is added. */
function ExternalEmails({ stage, emails, onChange }: { stage: number; emails: string[]; onChange: (emails: string[]) => void }) {
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | undefined>();
  const add = () => {
    const parsed = emailField.safeParse(draft);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    if (!emails.includes(parsed.data)) onChange([...emails, parsed.data]);
    setDraft("");
    setError(undefined);
  };
  return (
    <div className="space-y-1">
      {emails.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label={`External reviewers of stage ${stage}`}>
          {emails.map((email) => (
            <li key={email} className="flex items-center gap-1 rounded-full border border-slate-200 bg-slate-50 py-0.5 pl-3 pr-1 text-sm">
              {email}
              <Button type="button" variant="ghost" className="px-1.5 py-0" aria-label={`Remove ${email}`} onClick={() => onChange(emails.filter((other) => other !== email))}>
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex items-end gap-2">
        <div className="min-w-0 flex-1">
          <TextField
            label="External reviewer's email"
            type="email"
            value={draft}
            errors={error ? [error] : undefined}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                add();
              }
            }}
          />
        </div>
        <Button type="button" variant="secondary" aria-label={`Add external reviewer to stage ${stage}`} onClick={add} className={error ? "mb-7" : undefined}>
          Add
        </Button>
      </div>
    </div>
  );
}
