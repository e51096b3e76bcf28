"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { type FormState, formStateFromError, formText } from "@/components/forms/form-state";
import { createTRPCContext } from "@/server/api/context";
import { acceptInvitationInput } from "@/server/services/accounts/account.schema";
import { signIn } from "@/server/auth";
import { rememberWorkspace } from "@/server/auth/remember-workspace";
import { AppError } from "@/server/errors";
import { acceptInvitationAsNewUser, acceptInvitationAsUser } from "@/server/services/invitations/accept-invitation";

/** Someone new: creates their account from the invitation, signs them in, opens the workspace. */
export async function acceptAsNewUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { name: formText(formData, "name") };
  const parsed = acceptInvitationInput.safeParse({
    ...values,
    token: formText(formData, "token"),
    password: formText(formData, "password"),
  });
  if (!parsed.success) return formStateFromError(parsed.error, values);
  let accepted;
  try {
    accepted = await acceptInvitationAsNewUser(await getDb(), parsed.data);
  } catch (error) {
    return formStateFromError(error, values);
  }
  await rememberWorkspace(accepted.workspaceId);
  await signIn("credentials", { email: accepted.email, password: parsed.data.password, redirectTo: "/" });
  return {};
}

/** Someone signed in with the invited email joins with one click. */
export async function joinWorkspaceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { db, session } = await createTRPCContext();
  if (!session) return { message: "Sign in first, then open the invitation link again." };
  let joined;
  try {
    joined = await acceptInvitationAsUser(db, { token: formText(formData, "token"), userId: session.user.id });
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    throw error;
  }
  await rememberWorkspace(joined.workspaceId);
  redirect("/");
}
