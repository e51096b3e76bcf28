import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { workspaces } from "@/db/schema";

/** The workspace's planning settings: what timelines, conflicts and new campaigns start from. */
export async function planningSettings(db: Database, input: { workspaceId: string }) {
  const [settings] = await db
    .select({
      holidayCountry: workspaces.holidayCountry,
      timeZone: workspaces.timeZone,
      channelDailyLimit: workspaces.channelDailyLimit,
      milestoneBufferDays: workspaces.milestoneBufferDays,
      skills: workspaces.skills,
      reminderLeadHours: workspaces.reminderLeadHours,
      escalationBusinessDays: workspaces.escalationBusinessDays,
    })
    .from(workspaces)
    .where(eq(workspaces.id, input.workspaceId));
  // The procedure ladder only lets members of an existing workspace this far.
  if (!settings) throw new Error(`Workspace ${input.workspaceId} not found`);
  return settings;
}
