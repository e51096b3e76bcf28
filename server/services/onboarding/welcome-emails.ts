import { and, count, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { invitations, memberships, users, workspaces } from "@/db/schema";
import { appUrl } from "@/server/env";
import { type MailOptions, sendMail } from "../mail/send-mail";

interface WelcomeTarget {
  workspaceId: string;
  actorId: string;
}

async function recipient(db: Database, target: WelcomeTarget) {
  const [row] = await db
    .select({ email: users.email, name: users.name, workspaceName: workspaces.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.workspaceId, target.workspaceId), eq(memberships.userId, target.actorId)));
  return row;
}

/** Emails whoever created the workspace; nothing if they left it or it is gone. */
async function sendToCreator(
  db: Database,
  target: WelcomeTarget,
  compose: (to: { name: string; workspaceName: string }) => { subject: string; lines: string[]; key: string },
  mail: MailOptions,
): Promise<{ sent: boolean }> {
  const to = await recipient(db, target);
  if (!to) return { sent: false };
  const { subject, lines, key } = compose(to);
  await sendMail(db, { workspaceId: target.workspaceId, to: to.email, subject, text: lines.join("\n"), idempotencyKey: key }, mail);
  return { sent: true };
}

/** The welcome email, right after the workspace is created. */
export function sendWelcomeEmail(db: Database, target: WelcomeTarget, mail: MailOptions = {}) {
  return sendToCreator(
    db,
    target,
    (to) => ({
      subject: `Welcome to Crescendo, ${to.name}`,
      lines: [
        `Hello ${to.name},`,
        ``,
        `${to.workspaceName} is ready. Plan your campaigns, work your tasks and get content approved, all in one place.`,
        ``,
        `Open your workspace: ${appUrl()}/`,
      ],
      key: `welcome:${target.workspaceId}`,
    }),
    mail,
  );
}

/**
 * Whether the workspace got going: someone else joined or was invited. Campaigns
 * will be the better signal once they exist.
 */
export async function workspaceProgress(db: Database, workspaceId: string): Promise<{ members: number; openInvitations: number; started: boolean }> {
  const [members] = await db.select({ n: count() }).from(memberships).where(eq(memberships.workspaceId, workspaceId));
  const [open] = await db
    .select({ n: count() })
    .from(invitations)
    .where(and(eq(invitations.workspaceId, workspaceId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())));
  const result = { members: members?.n ?? 0, openInvitations: open?.n ?? 0 };
  return { ...result, started: result.members > 1 || result.openInvitations > 0 };
}

/** The follow-up with next steps, for a workspace that has not got going. */
export function sendFollowUpEmail(db: Database, target: WelcomeTarget, mail: MailOptions = {}) {
  return sendToCreator(
    db,
    target,
    (to) => ({
      subject: `Next steps for ${to.workspaceName}`,
      lines: [
        `Hello ${to.name},`,
        ``,
        `Crescendo works best with your team in it. Here is how to get going:`,
        ``,
        `1. Invite your team: ${appUrl()}/team`,
        `2. Give each person the role that fits: managers approve, marketers plan and create.`,
        ``,
        `Reply to this email if anything is unclear.`,
      ],
      key: `welcome-follow-up:${target.workspaceId}`,
    }),
    mail,
  );
}
