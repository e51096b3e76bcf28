import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/server/auth/password";

// Verified against when the email is unknown, so both answers take as long.
let decoyHash: Promise<string> | undefined;

/** The user whose email and password these are, or null. Never says which part was wrong. */
export async function verifyCredentials(
  db: Database,
  input: { email: string; password: string },
): Promise<{ id: string; email: string; name: string } | null> {
  const user = await db.query.users.findFirst({
    where: eq(users.email, input.email),
    columns: { id: true, email: true, name: true, passwordHash: true },
  });
  if (!user) {
    decoyHash ??= hashPassword("decoy password for unknown emails");
    await verifyPassword(await decoyHash, input.password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) return null;
  return { id: user.id, email: user.email, name: user.name };
}
