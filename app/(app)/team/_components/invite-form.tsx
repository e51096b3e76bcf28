"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { memberRoles, roleDescriptions, roleLabels } from "@/components/roles";
import { errorMessage, fieldErrors } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { inviteInput } from "@/server/services/invitations/invitation.schema";

type InviteValues = z.input<typeof inviteInput>;

export function InviteForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [sent, setSent] = useState<string | null>(null);
  const form = useForm<InviteValues, unknown, z.output<typeof inviteInput>>({
    resolver: zodResolver(inviteInput),
    defaultValues: { email: "", role: "marketer" },
  });
  const invite = useMutation(trpc.invitation.create.mutationOptions());

  const onSubmit = form.handleSubmit(async (values) => {
    setSent(null);
    try {
      const invitation = await invite.mutateAsync(values);
      setSent(`Invitation sent to ${invitation.email}.`);
      form.reset({ email: "", role: values.role });
      await queryClient.invalidateQueries(trpc.invitation.list.queryFilter());
    } catch (error) {
      const byField = fieldErrors(error);
      for (const [field, messages] of Object.entries(byField)) {
        if (field === "email" || field === "role") form.setError(field, { message: messages[0] });
      }
      if (Object.keys(byField).length === 0) form.setError("root", { message: errorMessage(error) });
    }
  });

  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start" noValidate>
      {errors.root?.message && (
        <div className="sm:col-span-3">
          <Alert>{errors.root.message}</Alert>
        </div>
      )}
      {sent && (
        <div className="sm:col-span-3">
          <Alert tone="success">{sent}</Alert>
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
    </form>
  );
}
