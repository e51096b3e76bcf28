"use client";

import { useActionState } from "react";
import { NewAccountFields } from "@/components/forms/account-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { acceptAsNewUserAction, joinWorkspaceAction } from "../actions";
import { useKeptForm } from "./use-kept-form";

export function NewAccountForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState(acceptAsNewUserAction, {});
  const { form, summary, onSubmit } = useKeptForm(state, action);
  return (
    <form ref={form} action={action} onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {state.message && (
        <div ref={summary} tabIndex={-1} className="outline-none">
          <Alert>{state.message}</Alert>
        </div>
      )}
      <NewAccountFields
        state={state}
        passwordLabel="Choose a password"
        emailField={<TextField label="Email" value={email} readOnly disabled />}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Joining…" : "Accept and join"}
      </Button>
    </form>
  );
}

export function JoinForm({ token, workspaceName }: { token: string; workspaceName: string }) {
  const [state, action, pending] = useActionState(joinWorkspaceAction, {});
  const { form, summary, onSubmit } = useKeptForm(state, action);
  return (
    <form ref={form} action={action} onSubmit={onSubmit} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      {state.message && (
        <div ref={summary} tabIndex={-1} className="outline-none">
          <Alert>{state.message}</Alert>
        </div>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Joining…" : `Join ${workspaceName}`}
      </Button>
    </form>
  );
}
