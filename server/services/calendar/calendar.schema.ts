import { z } from "zod";
import { campaignStatuses, channels } from "@/db/schema/enum-values";
import { campaignStatusField, channelField, dayField } from "@/server/services/campaigns/campaign.schema";
import { timeZoneName } from "@/server/services/shared/date.schema";
import { id, int } from "@/server/services/shared/number.schema";

// What the calendar asks for: a range of days seen from the viewer's time zone, and its filters.

/** The widest range one request may ask for: a month view shows six weeks, so two months is plenty. */
export const MAX_CALENDAR_RANGE_DAYS = 62;

/** The most things a summarised day may hold; beyond it, ask for the whole range (a week or a day). */
export const MAX_PER_DAY = 10;

/** An IANA zone name the runtime knows ("Europe/Berlin"). */
export const ianaTimeZoneField = timeZoneName();

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const calendarFilters = {
  campaignIds: z.array(id("Choose a campaign")).max(100, "Choose at most 100 campaigns").optional(),
  channels: z.array(channelField).max(channels.length).optional(),
  ownerId: id("Choose an owner").optional(),
  statuses: z.array(campaignStatusField).max(campaignStatuses.length).optional(),
};

export const calendarRangeInput = z
  .object({
    /** The first day shown. */
    from: dayField("first day"),
    /** The last day shown (included). */
    to: dayField("last day"),
    /** The viewer's zone: it decides which of their days a scheduled item falls on. */
    timeZone: ianaTimeZoneField,
    ...calendarFilters,
    /** The month view's summary: this many things a day, and how many more. */
    perDay: int({
      message: "Show a whole number of things a day",
      min: 1,
      minMessage: "Show at least one thing a day",
      max: MAX_PER_DAY,
      maxMessage: `Show at most ${MAX_PER_DAY} things a day`,
    }).optional(),
  })
  .superRefine((input, ctx) => {
    const span = daysBetween(input.from, input.to);
    if (span < 0) ctx.addIssue({ code: "custom", path: ["to"], message: "The last day can't be before the first day" });
    else if (span > MAX_CALENDAR_RANGE_DAYS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `Show at most ${MAX_CALENDAR_RANGE_DAYS} days at a time` });
    }
  });
