// Reads the outbox as an invitee reads their inbox: tests follow the link in the
// email instead of reaching for the token, so a broken email breaks the test.
import { desc, eq } from "drizzle-orm";
import type { Database } from "./client";
import { outboxEmails } from "./schema";

/** The token from the invitation link in the newest email to `to`. */
export async function invitationTokenFromOutbox(db: Database, to: string): Promise<string> {
  const [newest] = await db
    .select({ text: outboxEmails.text })
    .from(outboxEmails)
    .where(eq(outboxEmails.to, to))
    .orderBy(desc(outboxEmails.createdAt))
    .limit(1);
  const token = newest?.text.match(/\/invite\/([\w-]+)/)?.[1];
  if (!token) throw new Error(`No invitation link in the outbox for ${to}`);
  return token;
}
