"use server";

import { CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { type FormState, formStateFromError, formText } from "@/components/forms/form-state";
import { createTRPCContext } from "@/server/api/context";
import { signIn, signOut } from "@/server/auth";
import { changePasswordInput } from "@/server/services/accounts/account.schema";
import { changePassword } from "@/server/services/accounts/change-password";
import { signOutEverywhere } from "@/server/services/accounts/sign-out-everywhere";

async function signedInContext() {
  const ctx = await createTRPCContext();
  if (!ctx.session) redirect("/sign-in");
  return { db: ctx.db, user: ctx.session.user };
}

/**
 * Changes the password and ends every session of the person, this one included;
 * then signs this browser in again with the new password (a new session), so
 * only the person who changed it stays signed in.
 */
export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { db, user } = await signedInContext();
  const parsed = changePasswordInput.safeParse({
    currentPassword: formText(formData, "currentPassword"),
    newPassword: formText(formData, "newPassword"),
  });
  if (!parsed.success) return formStateFromError(parsed.error);
  try {
    await changePassword(db, { userId: user.id, ...parsed.data });
  } catch (error) {
    return formStateFromError(error);
  }
  try {
    await signIn("credentials", { email: user.email, password: parsed.data.newPassword, redirectTo: "/account?password=changed" });
  } catch (error) {
    // Refused by the sign-in limits: the password is changed; the person signs in by hand.
    if (error instanceof CredentialsSignin) redirect("/sign-in");
    throw error; // Next's redirect after a successful sign-in travels as an exception.
  }
  return {};
}

/** Ends every session of the person, on every device, and signs this browser out. */
export async function signOutEverywhereAction(): Promise<void> {
  const { db, user } = await signedInContext();
  await signOutEverywhere(db, { userId: user.id });
  await signOut({ redirectTo: "/sign-in" });
}
