import { campaignStatuses, channels, type CampaignStatus, type Channel } from "@/db/schema/enum-values";
import { isSupportedDay } from "@/server/services/shared/date.schema";

// The calendar's state in the address (?view=week&date=2026-03-09&channel=linkedin…),
// read the same way by the page and its client components.

export const calendarViews = { month: "dayGridMonth", week: "timeGridWeek", day: "listDay", list: "listMonth" } as const;

/** What a day of the month view holds before "+N more", which opens the day. */
export const MONTH_PER_DAY = 4;
export type CalendarViewName = keyof typeof calendarViews;

export interface CalendarFilters {
  campaignId?: string;
  channel?: Channel;
  ownerId?: string;
  status?: CampaignStatus;
}

export interface CalendarState extends CalendarFilters {
  view: CalendarViewName;
  /** A day inside the period shown; today when absent. */
  date?: string;
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function one(params: Params, name: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readCalendarState(params: Params): CalendarState {
  const view = one(params, "view");
  const date = one(params, "date");
  const campaignId = one(params, "campaign");
  const ownerId = one(params, "owner");
  return {
    view: view && view in calendarViews ? (view as CalendarViewName) : "month",
    date: date && isSupportedDay(date) ? date : undefined,
    campaignId: campaignId && uuid.test(campaignId) ? campaignId : undefined,
    channel: channels.find((value) => value === one(params, "channel")),
    ownerId: ownerId && uuid.test(ownerId) ? ownerId : undefined,
    status: campaignStatuses.find((value) => value === one(params, "status")),
  };
}

/** The filters as calendar.range takes them. */
function rangeFilters(filters: CalendarFilters) {
  return {
    ...(filters.campaignId ? { campaignIds: [filters.campaignId] } : {}),
    ...(filters.channel ? { channels: [filters.channel] } : {}),
    ...(filters.ownerId ? { ownerId: filters.ownerId } : {}),
    ...(filters.status ? { statuses: [filters.status] } : {}),
  };
}

/** calendar.range's input for the days on screen, the same on the server (prefetch) and in the browser, so both name one query. */
export function rangeInput(days: { from: string; to: string }, view: CalendarViewName, timeZone: string, filters: CalendarFilters) {
  // The month view asks for a summary: thousands of events in a grid are slow to draw and unreadable; "+N more" opens the day.
  return { from: days.from, to: days.to, timeZone, ...rangeFilters(filters), ...(view === "month" ? { perDay: MONTH_PER_DAY } : {}) };
}
