"use client";

import Link from "next/link";
import { useActionState } from "react";
import { NewAccountFields } from "@/components/forms/account-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { signUpAction } from "../actions";

export function SignUpForm() {
  const [state, action, pending] = useActionState(signUpAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message && <Alert>{state.message}</Alert>}
      <NewAccountFields
        state={state}
        emailField={
          <TextField
            label="Work email"
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={state.values?.email}
            errors={state.fieldErrors?.email}
          />
        }
      />
      <TextField
        label="Workspace name"
        name="workspaceName"
        required
        placeholder="Acme Marketing"
        hint="Usually your team or company. You can create more later."
        defaultValue={state.values?.workspaceName}
        errors={state.fieldErrors?.workspaceName}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your workspace…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
