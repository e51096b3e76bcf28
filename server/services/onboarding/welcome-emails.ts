import { and, count, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { campaigns, memberships, users, workspaces } from "@/db/schema";
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

/** Whether the workspace got going: it has planned a campaign. */
export async function workspaceProgress(db: Database, workspaceId: string): Promise<{ campaigns: number; members: number; started: boolean }> {
  const [planned] = await db.select({ n: count() }).from(campaigns).where(eq(campaigns.workspaceId, workspaceId));
  const [members] = await db.select({ n: count() }).from(memberships).where(eq(memberships.workspaceId, workspaceId));
  const result = { campaigns: planned?.n ?? 0, members: members?.n ?? 0 };
  return { ...result, started: result.campaigns > 0 };
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
        `Your workspace has no campaign yet. Here is how to get going:`,
        ``,
        `1. Plan your first campaign: ${appUrl()}/campaigns/new`,
        `   Its milestones are laid out from the launch date for you.`,
        `2. Invite your team: ${appUrl()}/team`,
        `3. Give each person the role that fits: managers approve, marketers plan and create.`,
        ``,
        `Reply to this email if anything is unclear.`,
      ],
      key: `welcome-follow-up:${target.workspaceId}`,
    }),
    mail,
  );
}
