import { desc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { outboxEmails } from "@/db/schema";

/** The workspace's sent and stored emails, newest first. */
export function listOutbox(db: Database, input: { workspaceId: string; limit?: number }) {
  return db
    .select({
      id: outboxEmails.id,
      to: outboxEmails.to,
      subject: outboxEmails.subject,
      text: outboxEmails.text,
      status: outboxEmails.status,
      error: outboxEmails.error,
      createdAt: outboxEmails.createdAt,
      sentAt: outboxEmails.sentAt,
    })
    .from(outboxEmails)
    .where(eq(outboxEmails.workspaceId, input.workspaceId))
    .orderBy(desc(outboxEmails.createdAt))
    .limit(input.limit ?? 100);
}
