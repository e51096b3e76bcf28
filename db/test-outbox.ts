// Reads the outbox as an invitee reads their inbox: tests follow the link in the
// email instead of reaching for the token, so a broken email breaks the test.
import { desc, eq } from "drizzle-orm";
import { sendInvitationEmail } from "@/server/services/invitations/send-invitation-email";
import type { Database } from "./client";
import { eventOutbox, outboxEmails } from "./schema";

/** The token from the invitation link in the newest email to `to`. */
export async function invitationTokenFromOutbox(db: Database, to: string): Promise<string> {
  await deliverInvitationEmails(db);
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

/**
 * Does what the workflows do first with the events services wrote to the
 * events outbox (no relay runs in these tests): the invitation emails.
 * Tests that follow an invitation link call this, so a service that stops
 * emitting "member/invited" breaks them.
 */
export async function deliverInvitationEmails(db: Database): Promise<void> {
  const events = await db.select().from(eventOutbox).where(eq(eventOutbox.name, "member/invited")).orderBy(eventOutbox.createdAt);
  for (const event of events) await sendInvitationEmail(db, event.data as { workspaceId: string; invitationId: string });
}
