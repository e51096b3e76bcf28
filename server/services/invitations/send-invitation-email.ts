import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { invitations, users, workspaces } from "@/db/schema";
import { findInvitation } from "./find-invitation";
import { appUrl } from "@/server/env";
import { formatDateTimeWithZone, resolveViewer, type Viewer } from "../date-time";
import { type MailOptions, sendMail } from "../mail/send-mail";
import { invitationStatus } from "./invitation-status";
import { invitationTokenFromNonce } from "./invitation-token";

/**
 * How the email writes its dates: the invitee has no account and so no zone of
 * their own yet; the workspace they are joining has one, and the inviter's
 * chosen locale is the best guess at the team's.
 */
async function inviteeViewer(db: Database, invitationId: string): Promise<Viewer> {
  const [row] = await db
    .select({ workspaceTimeZone: workspaces.timeZone, inviterLocale: users.locale })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .innerJoin(users, eq(users.id, invitations.invitedById))
    .where(eq(invitations.id, invitationId));
  return resolveViewer({ workspaceTimeZone: row?.workspaceTimeZone, preferredLocale: row?.inviterLocale });
}

/**
 * Emails an invitation's link, rebuilt from its nonce. An invitation that was
 * accepted, withdrawn, or renewed since (a new nonce) gets no email from this
 * call; the renewal sends its own. Sending twice for one link sends once, unless
 * `resendKey` names a new request to send it again (one email per key).
 */
export async function sendInvitationEmail(
  db: Database,
  input: { workspaceId: string; invitationId: string },
  mail: MailOptions = {},
  resendKey?: string,
): Promise<{ sent: boolean; reason?: string }> {
  const row = await findInvitation(db, and(eq(invitations.id, input.invitationId), eq(invitations.workspaceId, input.workspaceId)));
  if (!row) return { sent: false, reason: "The invitation no longer exists." };
  const status = invitationStatus(row);
  if (status !== "pending") return { sent: false, reason: `The invitation is ${status}.` };
  if (!row.tokenNonce) return { sent: false, reason: "The invitation predates emailed links." };

  const link = `${appUrl()}/invite/${invitationTokenFromNonce(row.tokenNonce)}`;
  const viewer = await inviteeViewer(db, input.invitationId);
  await sendMail(
    db,
    {
      workspaceId: input.workspaceId,
      to: row.email,
      subject: `${row.inviterName} invited you to ${row.workspaceName} on Crescendo`,
      text: [
        `Hello,`,
        ``,
        `${row.inviterName} invited you to join ${row.workspaceName} on Crescendo as ${row.role}.`,
        ``,
        `Accept the invitation: ${link}`,
        ``,
        `The link works once and expires on ${formatDateTimeWithZone(viewer, row.expiresAt)}.`,
      ].join("\n"),
      idempotencyKey: `invitation:${input.invitationId}:${row.tokenNonce}${resendKey ? `:resend:${resendKey}` : ""}`,
    },
    mail,
  );
  return { sent: true };
}
