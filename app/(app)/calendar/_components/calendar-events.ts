import type { EventInput } from "@fullcalendar/core";
import { channelLabels } from "@/server/services/campaigns/campaign-labels";
import type { Channel } from "@/db/schema/campaigns";
import { MAX_SPANS } from "@/server/services/calendar/calendar-limits";
import type { CalendarRange } from "@/server/services/calendar/get-calendar-range";

// calendar.range's answer as FullCalendar events. The channel is named in each
// item's title, so colour is never the only cue.

/** Background and text colours per channel, with enough contrast for the white text. */
export const channelColors: Record<Channel, string> = {
  email: "#2563eb",
  linkedin: "#0a66c2",
  x: "#111827",
  instagram: "#c026d3",
  facebook: "#4338ca",
  pinterest: "#be123c",
  blog: "#047857",
  ad: "#b45309",
};

export type CalendarEventKind = "campaign" | "milestone" | "content" | "more";

export interface CalendarEventProps {
  kind: CalendarEventKind;
  /** Sorts "+N more" after the day's things. */
  rank: number;
  id: string;
  campaignId: string;
  /** What the status message calls it. */
  name: string;
  /** A milestone's campaign, shown under its name and in its preview. */
  campaignName?: string;
  /** A milestone's preview: its day and its campaign's owner. */
  preview?: { day: string; ownerName: string };
}

/** "2026-03-10" for a Date, in the browser's time zone. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

/** "2026-03-10T09:00", the wall time in the browser's zone that content.reschedule takes. */
export function localDateTime(date: Date): string {
  return `${localDay(date)}T${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
}

export function dayAfter(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return localDay(new Date(year, month - 1, date + 1));
}

export function contentHref(campaignId: string, itemId: string) {
  return `/campaigns/${campaignId}/content/${itemId}`;
}

/** Where "+N more" leads: that day's list (the click is handled in place; the address serves a new tab). */
export function dayHref(day: string) {
  return `/calendar?view=day&date=${day}`;
}

/**
 * In the list view a campaign running all month would be listed on every day:
 * there (`asList`), and in a busy month or week (more than MAX_SPANS campaigns), a
 * campaign is one entry on its launch day instead of a span.
 */
export function toCalendarEvents(range: CalendarRange, canEdit: boolean, asList = false): EventInput[] {
  const events: EventInput[] = [];
  // The week view gets the whole range; a busy week, like a busy month, shows launches rather than a wall of bars.
  const launches = asList || range.spans === false || range.campaigns.length > MAX_SPANS;
  for (const blackout of range.blackouts) {
    events.push({
      id: `blackout:${blackout.id}`,
      title: `Blackout: ${blackout.reason}`,
      start: blackout.startDate,
      end: dayAfter(blackout.endDate),
      allDay: true,
      display: "background",
      // Drawn at full strength (FullCalendar's default is 30%), so its label reads clearly.
      backgroundColor: "#fee2e2",
    });
  }
  for (const campaign of range.campaigns) {
    if (launches) {
      events.push({
        id: `campaign:${campaign.id}`,
        title: `Launch: ${campaign.name}`,
        start: campaign.launchDate,
        allDay: true,
        url: `/campaigns/${campaign.id}`,
        editable: false,
        backgroundColor: "#64748b",
        extendedProps: { kind: "campaign", id: campaign.id, campaignId: campaign.id, name: campaign.name, rank: 0 } satisfies CalendarEventProps,
      });
      continue;
    }
    events.push({
      id: `campaign:${campaign.id}`,
      title: `Campaign: ${campaign.name}`,
      start: campaign.startDate,
      end: dayAfter(campaign.endDate),
      allDay: true,
      url: `/campaigns/${campaign.id}`,
      editable: false,
      backgroundColor: "#e2e8f0",
      borderColor: "#cbd5e1",
      textColor: "#1e293b",
      classNames: ["crescendo-span"],
      extendedProps: { kind: "campaign", id: campaign.id, campaignId: campaign.id, name: campaign.name, rank: 0 } satisfies CalendarEventProps,
    });
  }
  for (const milestone of range.milestones) {
    events.push({
      id: `milestone:${milestone.id}`,
      // Its campaign in the title too: two campaigns' "Review & approval" on one day are told apart.
      title: `Milestone: ${milestone.name} · ${milestone.campaignName}`,
      start: milestone.dueDate,
      allDay: true,
      url: `/campaigns/${milestone.campaignId}`,
      editable: canEdit,
      backgroundColor: "#fef3c7",
      borderColor: "#f59e0b",
      textColor: "#78350f",
      classNames: ["crescendo-milestone"],
      extendedProps: {
        kind: "milestone",
        id: milestone.id,
        campaignId: milestone.campaignId,
        name: milestone.name,
        campaignName: milestone.campaignName,
        preview: { day: milestone.dueDate, ownerName: milestone.ownerName },
        rank: 0,
      } satisfies CalendarEventProps,
    });
  }
  for (const item of range.contentItems) {
    events.push({
      id: `content:${item.id}`,
      // Approved at its current version is said in words, at the front where a narrow cell still shows it.
      title: `${item.approved ? "✓ Approved · " : ""}${channelLabels[item.channel]}: ${item.title}`,
      start: item.scheduledAt,
      allDay: false,
      url: contentHref(item.campaignId, item.id),
      editable: canEdit,
      backgroundColor: channelColors[item.channel],
      borderColor: channelColors[item.channel],
      textColor: "#ffffff",
      // Month view draws timed events as dots by default; a filled block shows the colour and the name.
      display: "block",
      extendedProps: { kind: "content", id: item.id, campaignId: item.campaignId, name: item.title, rank: 0 } satisfies CalendarEventProps,
    });
  }
  for (const { day, count } of range.more ?? []) {
    events.push({
      id: `more:${day}`,
      title: `+${count} more`,
      start: day,
      allDay: true,
      url: dayHref(day),
      editable: false,
      backgroundColor: "transparent",
      borderColor: "transparent",
      textColor: "#334155",
      classNames: ["crescendo-more"],
      extendedProps: { kind: "more", id: day, campaignId: "", name: `${count} more on ${day}`, rank: 1 } satisfies CalendarEventProps,
    });
  }
  return events;
}
