"use client";

import { useActionState } from "react";
import type { FormState } from "@/components/forms/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { confirmRedirect } from "@/components/ui/toaster";
import { createWorkspaceAction } from "../../../actions";

export function CreateWorkspaceForm() {
  const [state, action, pending] = useActionState(
    (previous: FormState, formData: FormData) =>
      confirmRedirect(() => createWorkspaceAction(previous, formData), `Workspace “${String(formData.get("name") ?? "").trim()}” created.`),
    {},
  );
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message && <Alert>{state.message}</Alert>}
      <TextField
        label="Workspace name"
        name="name"
        required
        placeholder="Acme Events"
        defaultValue={state.values?.name}
        errors={state.fieldErrors?.name}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create workspace"}
      </Button>
    </form>
  );
}
