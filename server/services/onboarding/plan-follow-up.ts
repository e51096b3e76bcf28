// When the welcome flow's follow-up goes out: two business days after the
// workspace was created, counted the way its timelines count them (its time zone,
// weekends and its country's public holidays), at the same time of day.
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { workspaces } from "@/db/schema";
import { addBusinessDaysAt } from "@/server/services/timeline/business-days";

export const FOLLOW_UP_AFTER_BUSINESS_DAYS = 2;

export async function planFollowUp(db: Database, input: { workspaceId: string; createdAt: Date }): Promise<Date> {
  const [workspace] = await db
    .select({ timeZone: workspaces.timeZone, holidayCountry: workspaces.holidayCountry })
    .from(workspaces)
    .where(eq(workspaces.id, input.workspaceId));
  // A workspace deleted since has no one left to write to; any weekday will do.
  const { timeZone, holidayCountry } = workspace ?? { timeZone: "UTC", holidayCountry: null };
  return addBusinessDaysAt(input.createdAt, FOLLOW_UP_AFTER_BUSINESS_DAYS, timeZone, holidayCountry);
}
