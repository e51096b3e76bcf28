"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useFieldArray, useForm } from "react-hook-form";
import type { z } from "zod";
import { errorMessage, fieldErrors } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { TextAreaField, TextField } from "@/components/ui/field";
import { confirmAction } from "@/components/ui/toaster";
import type { BrandRules } from "@/db/schema/workspaces";
import { channelLabels, channels } from "@/server/services/campaigns/campaign-labels";
import { MAX_BANNED_PHRASES, updateBrandRulesInput } from "@/server/services/settings/settings.schema";

type Values = z.input<typeof updateBrandRulesInput>;

const formValues = (rules: BrandRules): Values => ({
  bannedPhrases: rules.bannedPhrases,
  disclaimers: Object.fromEntries(channels.map((channel) => [channel, rules.disclaimers[channel] ?? ""])),
});

/** Banned phrases with what to say instead, and each channel's disclaimer: what the content checks hold items to. Admins edit. */
export function BrandRulesForm({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const { data: rules } = useSuspenseQuery(trpc.settings.brandRules.queryOptions());
  return (
    <section aria-labelledby="brand-rules-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="brand-rules-heading" className="font-semibold">
        Brand rules
      </h2>
      <p className="text-sm text-slate-600">
        Content checks flag these before a reviewer looks: words and phrases to avoid, and the disclaimer an item on each channel must carry.
        {!canEdit && " Only workspace admins can change them."}
      </p>
      {canEdit ? <BrandRulesEditor rules={rules} /> : <BrandRulesView rules={rules} />}
    </section>
  );
}

function BrandRulesView({ rules }: { rules: BrandRules }) {
  const disclaimers = channels.filter((channel) => rules.disclaimers[channel]);
  return (
    <div className="space-y-4">
      <h3 className="text-sm font-semibold text-slate-900">Banned phrases</h3>
      {rules.bannedPhrases.length === 0 ? (
        <EmptyState title="No banned phrases" />
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm">
          {rules.bannedPhrases.map(({ phrase, replacement }) => (
            <li key={phrase} className="px-3 py-2">
              “{phrase}”{replacement ? <span className="text-slate-600"> → say “{replacement}”</span> : <span className="text-slate-500"> (rephrase)</span>}
            </li>
          ))}
        </ul>
      )}
      <h3 className="text-sm font-semibold text-slate-900">Disclaimers</h3>
      {disclaimers.length === 0 ? (
        <EmptyState title="No disclaimers" />
      ) : (
        <dl className="space-y-2 text-sm">
          {disclaimers.map((channel) => (
            <div key={channel}>
              <dt className="font-medium text-slate-800">{channelLabels[channel]}</dt>
              <dd className="whitespace-pre-line text-slate-600">{rules.disclaimers[channel]}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

function BrandRulesEditor({ rules }: { rules: BrandRules }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<Values, unknown, z.output<typeof updateBrandRulesInput>>({ resolver: zodResolver(updateBrandRulesInput), defaultValues: formValues(rules) });
  const phrases = useFieldArray({ control: form.control, name: "bannedPhrases" });
  const update = useMutation(trpc.settings.updateBrandRules.mutationOptions());
  const { errors, isSubmitting } = form.formState;
  const listError = errors.bannedPhrases?.message ?? errors.bannedPhrases?.root?.message;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync(values);
      form.reset(formValues(saved));
      confirmAction("Brand rules saved.");
      await queryClient.invalidateQueries(trpc.settings.brandRules.queryFilter());
    } catch (error) {
      const byField = fieldErrors(error);
      for (const [field, messages] of Object.entries(byField)) form.setError(field as keyof Values, { message: messages[0] });
      if (Object.keys(byField).length === 0) form.setError("root", { message: errorMessage(error) });
    }
  });

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      {errors.root?.message && <Alert>{errors.root.message}</Alert>}
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">Banned phrases</legend>
        {phrases.fields.length === 0 && <p className="text-sm text-slate-500">None yet. Add words your brand never uses, like “guaranteed”.</p>}
        <ul className="space-y-3">
          {phrases.fields.map((field, index) => (
            <li key={field.id} className="grid items-start gap-2 rounded-lg border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_auto] sm:border-0 sm:p-0">
              <TextField
                label={`Banned phrase ${index + 1}`}
                errors={errors.bannedPhrases?.[index]?.phrase?.message ? [errors.bannedPhrases[index].phrase.message] : undefined}
                {...form.register(`bannedPhrases.${index}.phrase`)}
              />
              <TextField
                label={`Say instead of phrase ${index + 1}`}
                hint="Optional"
                errors={errors.bannedPhrases?.[index]?.replacement?.message ? [errors.bannedPhrases[index].replacement.message] : undefined}
                {...form.register(`bannedPhrases.${index}.replacement`)}
              />
              <Button type="button" variant="ghost" className="text-red-700 sm:mt-6" aria-label={`Remove banned phrase ${index + 1}`} onClick={() => phrases.remove(index)}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
        {listError && <p className="text-sm text-red-700">{listError}</p>}
        <Button type="button" variant="secondary" disabled={phrases.fields.length >= MAX_BANNED_PHRASES} onClick={() => phrases.append({ phrase: "", replacement: "" }, { shouldFocus: true })}>
          Add banned phrase
        </Button>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">Disclaimers</legend>
        <p className="text-sm text-slate-600">An item on the channel must contain its disclaimer word for word. Leave empty for none.</p>
        <div className="grid gap-3 sm:grid-cols-2">
          {channels.map((channel) => (
            <TextAreaField
              key={channel}
              label={`${channelLabels[channel]} disclaimer`}
              rows={2}
              errors={errors.disclaimers?.[channel]?.message ? [errors.disclaimers[channel].message] : undefined}
              {...form.register(`disclaimers.${channel}`)}
            />
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save brand rules"}
      </Button>
    </form>
  );
}
