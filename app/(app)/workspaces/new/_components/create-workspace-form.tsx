"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { createWorkspaceAction } from "../../../actions";

export function CreateWorkspaceForm() {
  const [state, action, pending] = useActionState(createWorkspaceAction, {});
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
