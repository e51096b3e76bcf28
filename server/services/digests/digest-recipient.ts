// Who a digest goes to, read when it is composed: a member who left the
// workspace (or turned the digest off since it was found due) gets nothing.
// The digest's days are the member's own (their zone, else the workspace's),
// the same zone the search for due digests reads their digest hour in.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { type DigestKind, memberships, users, workspaces } from "@/db/schema";
import { resolveViewer, type Viewer } from "../date-time";

export interface DigestRecipient {
  userId: string;
  email: string;
  name: string;
  workspaceName: string;
  viewer: Viewer;
}

export async function findDigestRecipient(tx: Database, input: { workspaceId: string; userId: string; kind: DigestKind }): Promise<DigestRecipient | null> {
  // FOR SHARE: a removal in flight finishes first, and one that comes later waits for this digest's transaction.
  const [member] = await tx
    .select({
      email: users.email,
      name: users.name,
      locale: users.locale,
      memberTimeZone: memberships.timeZone,
      workspaceTimeZone: workspaces.timeZone,
      workspaceName: workspaces.name,
      daily: memberships.dailyDigest,
      weekly: memberships.weeklyDigest,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, input.userId)))
    .for("share", { of: memberships });
  if (!member || !(input.kind === "daily" ? member.daily : member.weekly)) return null;
  return {
    userId: input.userId,
    email: member.email,
    name: member.name,
    workspaceName: member.workspaceName,
    viewer: resolveViewer({ preferredTimeZone: member.memberTimeZone, preferredLocale: member.locale, workspaceTimeZone: member.workspaceTimeZone }),
  };
}
