// The calendar's month: everything planned in the current month (about 2,000
// content items at full scale, with the campaigns, milestones and conflicts
// around them), as the month view asks for it: summarised, a few things a day
// and how many more (every item still counted and checked for conflicts).
import { MONTH_PER_DAY } from "@/app/(app)/calendar/_components/calendar-query";
import { getCalendarRange } from "@/server/services/calendar/get-calendar-range";
import { benchProcedure } from "../procedure-vs-floor";
import { itemsInMonth } from "../seed";
import type { Suite } from "../suite";

/** The first and last day of the month holding `today`, "2026-03-01" and "2026-03-31". */
export function monthAround(today: Date): { from: string; to: string } {
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

export const calendarSuite: Suite = {
  name: "calendar",
  needs: { database: true, app: true },
  async run(context) {
    // The bench workspace plans in UTC; the viewer does too, so the month is the seeded month.
    const input = { ...monthAround(new Date()), timeZone: "UTC", perDay: MONTH_PER_DAY };
    const scheduled = await itemsInMonth(context.databaseUrl, context.seeded.workspaceId, input.from);
    console.log(`${input.from} to ${input.to}: ${scheduled} content items scheduled`);
    return benchProcedure(context, {
      suite: "calendar",
      procedure: "calendar.range",
      input,
      callService: (db) => getCalendarRange(db, { ...input, workspaceId: context.seeded.workspaceId }),
      describeResult: (range) =>
        `${range.campaigns.length} campaigns, ${range.milestones.length} milestones, ${range.contentItems.length} content items shown, ` +
        `${(range.more ?? []).reduce((sum, day) => sum + day.count, 0)} more behind "+N more", ${range.conflicts.length} conflicts`,
    });
  },
};
