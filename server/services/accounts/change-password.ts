import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { forgetSessions, revokeSessions } from "@/server/auth/session-store";
import { fieldError } from "@/server/errors";

export const WRONG_CURRENT_PASSWORD = "That is not your current password.";

/**
 * Replaces a person's password after checking the current one, and ends every
 * session they have, so a browser signed in with the old password is signed out.
 * The caller signs the person's own browser in again with the new password.
 */
export async function changePassword(
  db: Database,
  input: { userId: string; currentPassword: string; newPassword: string },
): Promise<{ endedSessions: number }> {
  const user = await db.query.users.findFirst({ where: eq(users.id, input.userId), columns: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw fieldError("currentPassword", WRONG_CURRENT_PASSWORD);
  }
  const passwordHash = await hashPassword(input.newPassword);
  const endedSessions = await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, input.userId));
    return revokeSessions(tx, { userId: input.userId });
  });
  forgetSessions(input.userId);
  return { endedSessions };
}
