import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { invitations } from "@/db/schema";
import { AppError } from "@/server/errors";
import type { MailOptions } from "../mail/send-mail";
import { findInvitation } from "./find-invitation";
import { invitationStatus } from "./invitation-status";
import { sendInvitationEmail } from "./send-invitation-email";

const refusals = {
  accepted: "This invitation has been accepted already.",
  revoked: "This invitation was withdrawn. Invite the person again.",
  expired: "This invitation has expired. Invite the person again for a new link.",
} as const;

/**
 * Emails an open invitation's link again: the same link, so one the person already
 * has keeps working. Sent at once (not by a workflow) so the admin knows it went;
 * `requestId` is the email's idempotency key, so a retried request sends it once.
 */
export async function resendInvitation(
  db: Database,
  input: { workspaceId: string; invitationId: string; requestId: string },
  mail: MailOptions = {},
) {
  const where = and(eq(invitations.id, input.invitationId), eq(invitations.workspaceId, input.workspaceId));
  const row = await findInvitation(db, where);
  if (!row) throw new AppError("NOT_FOUND", "That invitation is not open any more.");
  const status = invitationStatus(row);
  if (status !== "pending") throw new AppError("CONFLICT", refusals[status]);

  const result = await sendInvitationEmail(db, { workspaceId: input.workspaceId, invitationId: input.invitationId }, mail, input.requestId);
  // Only a change between the two reads gets here (accepted or withdrawn meanwhile).
  if (!result.sent) throw new AppError("CONFLICT", result.reason ?? "The invitation can't be sent again.");
  return { id: input.invitationId, email: row.email };
}
