import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { memberships, users, workspaces } from "@/db/schema";
import { todayIn } from "@/server/services/date-time";
import { profileColumns } from "./profile-columns";
import { listTimeOff } from "./time-off";

/**
 * The /team page's planning view: every member's skills, capacity, working days,
 * zone and time off from today on, with the workspace's skill catalogue and zone.
 */
export async function listTeamProfiles(db: Database, input: { workspaceId: string; now?: Date }) {
  const [workspace] = await db.select({ skills: workspaces.skills, timeZone: workspaces.timeZone }).from(workspaces).where(eq(workspaces.id, input.workspaceId));
  const timeZone = workspace?.timeZone ?? "UTC";
  const members = await db
    .select(profileColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, input.workspaceId))
    .orderBy(asc(users.name), asc(users.id))
    .limit(1000);
  const away = new Map<string, Awaited<ReturnType<typeof listTimeOff>>>();
  for (const range of await listTimeOff(db, { workspaceId: input.workspaceId, from: todayIn(timeZone, input.now) })) {
    away.set(range.userId, [...(away.get(range.userId) ?? []), range]);
  }
  return {
    skills: workspace?.skills ?? [],
    timeZone,
    members: members.map((member) => ({ ...member, timeOff: away.get(member.userId) ?? [] })),
  };
}
export type TeamProfiles = Awaited<ReturnType<typeof listTeamProfiles>>;
