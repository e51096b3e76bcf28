import { memberships, users } from "@/db/schema";

/** A member's planning profile as the team's reads select it (memberships joined to users). */
export const profileColumns = {
  userId: memberships.userId,
  name: users.name,
  role: memberships.role,
  skills: memberships.skills,
  weeklyCapacityHours: memberships.weeklyCapacityHours,
  workingDays: memberships.workingDays,
  timeZone: memberships.timeZone,
};
