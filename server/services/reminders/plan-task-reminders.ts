// The reminder flow's first step: the ladder for one due time, from the
// workspace's reminder settings and calendar as they are now.
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { workspaces } from "@/db/schema";
import { type LadderStep, reminderLadder } from "./reminder-ladder";

export async function planTaskReminders(db: Database, input: { workspaceId: string; dueAt: string; now?: Date }): Promise<LadderStep[]> {
  const [settings] = await db
    .select({
      leadHours: workspaces.reminderLeadHours,
      escalationBusinessDays: workspaces.escalationBusinessDays,
      timeZone: workspaces.timeZone,
      holidayCountry: workspaces.holidayCountry,
    })
    .from(workspaces)
    .where(eq(workspaces.id, input.workspaceId));
  // A workspace deleted since has no one to remind.
  if (!settings) return [];
  return reminderLadder(new Date(input.dueAt), input.now ?? new Date(), settings);
}
