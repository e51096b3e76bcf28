"use server";

import { redirect } from "next/navigation";
import { type FormState, formStateFromError, formText } from "@/components/forms/form-state";
import { createTRPCContext } from "@/server/api/context";
import { createWorkspaceInput, switchWorkspaceInput } from "@/server/services/workspaces/workspace.schema";
import { rememberWorkspace } from "@/server/auth/remember-workspace";
import { createWorkspace } from "@/server/services/workspaces/create-workspace";
import { resolveActiveWorkspace } from "@/server/services/workspaces/resolve-active-workspace";

async function signedInContext() {
  const ctx = await createTRPCContext();
  if (!ctx.session) redirect("/sign-in");
  return { ...ctx, session: ctx.session };
}

export async function switchWorkspaceAction(formData: FormData): Promise<void> {
  const { db, session } = await signedInContext();
  const parsed = switchWorkspaceInput.safeParse({ workspaceId: formData.get("workspaceId") });
  if (parsed.success) {
    const { workspaceId } = parsed.data;
    // Only a workspace the person belongs to can become the active one.
    const workspace = await resolveActiveWorkspace(db, { userId: session.user.id, preferredWorkspaceId: workspaceId });
    if (workspace?.id === workspaceId) await rememberWorkspace(workspace.id);
  }
  redirect("/");
}

export async function createWorkspaceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { db, session } = await signedInContext();
  const values = { name: formText(formData, "name") };
  const parsed = createWorkspaceInput.safeParse(values);
  if (!parsed.success) return formStateFromError(parsed.error, values);
  const workspace = await createWorkspace(db, { actorId: session.user.id, name: parsed.data.name });
  await rememberWorkspace(workspace.id);
  redirect("/");
}
