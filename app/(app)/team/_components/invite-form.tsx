"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { memberRoles, roleDescriptions, roleLabels } from "@/components/roles";
import { errorMessage, fieldErrors } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { confirmAction } from "@/components/ui/toaster";
import { inviteInput } from "@/server/services/invitations/invitation.schema";
import { useResendInvitation } from "./use-resend-invitation";

type InviteValues = z.input<typeof inviteInput>;

export function InviteForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<InviteValues, unknown, z.output<typeof inviteInput>>({
    resolver: zodResolver(inviteInput),
    defaultValues: { email: "", role: "marketer" },
  });
  const invite = useMutation(trpc.invitation.create.mutationOptions());
  const { data: invitations } = useQuery(trpc.invitation.list.queryOptions());
  const resend = useResendInvitation();
  const summary = useRef<HTMLDivElement>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    resend.reset();
    try {
      const invitation = await invite.mutateAsync(values);
      confirmAction(`Invitation sent to ${invitation.email}.`);
      form.reset({ email: "", role: values.role });
      await queryClient.invalidateQueries(trpc.invitation.list.queryFilter());
    } catch (error) {
      // What was typed stays; the message takes the focus so it is read out and seen.
      const byField = fieldErrors(error);
      for (const [field, messages] of Object.entries(byField)) {
        if (field === "email" || field === "role") form.setError(field, { message: messages[0] }, { shouldFocus: true });
      }
      if (Object.keys(byField).length === 0) form.setError("root", { message: errorMessage(error) });
    }
  });

  const { errors, isSubmitting } = form.formState;
  useEffect(() => {
    if (errors.root?.message) summary.current?.focus();
  }, [errors.root?.message]);

  // "Already invited": offer the same link again instead of a new one that would kill the first.
  const typedEmail = (useWatch({ control: form.control, name: "email" }) ?? "").trim().toLowerCase();
  const openInvitation = errors.email?.message?.includes("already invited")
    ? invitations?.find((invitation) => invitation.email === typedEmail && !invitation.expired)
    : undefined;

  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start" noValidate>
      {errors.root?.message && (
        <div ref={summary} tabIndex={-1} className="outline-none sm:col-span-3">
          <Alert>{errors.root.message}</Alert>
        </div>
      )}
      <TextField label="Email" type="email" autoComplete="off" errors={errors.email?.message ? [errors.email.message] : undefined} {...form.register("email")} />
      <SelectField label="Role" errors={errors.role?.message ? [errors.role.message] : undefined} {...form.register("role")}>
        {memberRoles.map((role) => (
          <option key={role} value={role} title={roleDescriptions[role]}>
            {roleLabels[role]}
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={isSubmitting} className="sm:mt-6">
        {isSubmitting ? "Sending…" : "Send invitation"}
      </Button>
      {openInvitation && (
        <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
          <Button type="button" variant="secondary" disabled={resend.isPending} onClick={() => resend.resend(openInvitation.id)}>
            {resend.isPending ? "Sending…" : "Resend the same link"}
          </Button>
          {resend.error && <span role="alert" className="text-sm text-red-700">{errorMessage(resend.error)}</span>}
        </div>
      )}
    </form>
  );
}
