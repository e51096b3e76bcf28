import type { Database } from "@/db";
import { memberships, users, workspaces } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import { enqueueEvents } from "@/inngest/outbox/enqueue-events";
import { fieldError, isUniqueViolation } from "@/server/errors";
import { workspaceCreatedEvent } from "../workspaces/create-workspace";

const EMAIL_TAKEN = "An account with this email already exists. Sign in instead.";

/** Signs a person up: their user, their first workspace, and admin rights in it. */
export async function createAccount(
  db: Database,
  input: { name: string; email: string; password: string; workspaceName: string },
): Promise<{ userId: string; workspaceId: string }> {
  const passwordHash = await hashPassword(input.password);
  let created: { userId: string; workspaceId: string };
  try {
    created = await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, passwordHash })
        .returning({ id: users.id });
      const [workspace] = await tx
        .insert(workspaces)
        .values({ name: input.workspaceName })
        .returning({ id: workspaces.id });
      await tx.insert(memberships).values({ workspaceId: workspace!.id, userId: user!.id, role: "admin" });
      await enqueueEvents(tx, [workspaceCreatedEvent(workspace!.id, user!.id)]);
      return { userId: user!.id, workspaceId: workspace!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError("email", EMAIL_TAKEN, "CONFLICT");
    throw error;
  }
  return created;
}
