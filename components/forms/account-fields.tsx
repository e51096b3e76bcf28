import { TextField } from "@/components/ui/field";
import { PASSWORD_MIN_LENGTH } from "@/server/services/accounts/account.schema";
import type { FormState } from "./form-state";

/** The name and new-password fields of every form that creates an account. */
export function NewAccountFields({
  state,
  passwordLabel = "Password",
  emailField,
}: {
  state: FormState;
  passwordLabel?: string;
  /** Placed between the name and the password, as people expect. */
  emailField: React.ReactNode;
}) {
  return (
    <>
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        required
        defaultValue={state.values?.name}
        errors={state.fieldErrors?.name}
      />
      {emailField}
      <TextField
        label={passwordLabel}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        errors={state.fieldErrors?.password}
      />
    </>
  );
}
