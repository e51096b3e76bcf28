"use server";

import { CredentialsSignin } from "next-auth";
import { getDb } from "@/db";
import { type FormState, formStateFromError, formText, safeRedirectPath } from "@/components/forms/form-state";
import { signInInput, signUpInput } from "@/server/services/accounts/account.schema";
import { signIn, signOut } from "@/server/auth";
import { TOO_MANY_ATTEMPTS } from "@/server/auth/sign-in-rate-limit";
import { createAccount } from "@/server/services/accounts/create-account";

const WRONG_CREDENTIALS = "That email and password don't match an account. Check them and try again.";

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { email: formText(formData, "email") };
  const parsed = signInInput.safeParse({ email: values.email, password: formText(formData, "password") });
  if (!parsed.success) return formStateFromError(parsed.error, values);
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirectPath(formData.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { message: error.code === "rate_limited" ? TOO_MANY_ATTEMPTS : WRONG_CREDENTIALS, values };
    }
    throw error; // Next's redirect after a successful sign-in travels as an exception.
  }
  return {};
}

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { name: formText(formData, "name"), email: formText(formData, "email"), workspaceName: formText(formData, "workspaceName") };
  const parsed = signUpInput.safeParse({ ...values, password: formText(formData, "password") });
  if (!parsed.success) return formStateFromError(parsed.error, values);
  try {
    await createAccount(await getDb(), parsed.data);
  } catch (error) {
    return formStateFromError(error, values);
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/" });
  return {};
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
