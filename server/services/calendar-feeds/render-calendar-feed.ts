import { and, asc, eq, exists, gte, isNull, lt, lte, notInArray, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { calendarFeeds, campaigns, contentItems, memberships, milestones, workspaces } from "@/db/schema";
import { channelLabels, campaignTypeLabels } from "@/server/services/campaigns/campaign-labels";
import { appUrl } from "@/server/env";
import { hashFeedToken } from "./feed-token";
import { type IcalEvent, renderIcal } from "./ical";

/** The feed covers this much of the past and the future. */
export const FEED_DAYS_BACK = 90;
export const FEED_DAYS_AHEAD = 365;
/** A content item is an instant; calendar apps show it as a short slot. */
const CONTENT_EVENT_MS = 30 * 60_000;
const DAY_MS = 86_400_000;

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The iCalendar text for a feed token, or null when no live feed has it (never
 * made, revoked, or its owner has left the workspace). Campaign spans and
 * milestones are all-day events; scheduled content is timed, in UTC. Cancelled
 * and archived campaigns are left out. Records when the feed was last fetched.
 */
export async function renderCalendarFeed(db: Database, input: { token: string; now?: Date }): Promise<string | null> {
  const now = input.now ?? new Date();
  const [feed] = await db
    .update(calendarFeeds)
    .set({ lastFetchedAt: now })
    .where(
      and(
        eq(calendarFeeds.tokenHash, hashFeedToken(input.token)),
        isNull(calendarFeeds.revokedAt),
        exists(
          db
            .select({ one: sql`1` })
            .from(memberships)
            .where(and(eq(memberships.workspaceId, calendarFeeds.workspaceId), eq(memberships.userId, calendarFeeds.userId))),
        ),
      ),
    )
    .returning({ workspaceId: calendarFeeds.workspaceId });
  if (!feed) return null;

  const { workspaceId } = feed;
  const first = day(new Date(now.getTime() - FEED_DAYS_BACK * DAY_MS));
  const last = day(new Date(now.getTime() + FEED_DAYS_AHEAD * DAY_MS));
  const going = notInArray(campaigns.status, ["cancelled", "archived"]);

  const [[workspace], campaignRows, milestoneRows, contentRows] = await Promise.all([
    db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, workspaceId)),
    db
      .select({ id: campaigns.id, name: campaigns.name, type: campaigns.type, startDate: campaigns.startDate, launchDate: campaigns.launchDate, endDate: campaigns.endDate, updatedAt: campaigns.updatedAt })
      .from(campaigns)
      .where(and(eq(campaigns.workspaceId, workspaceId), going, lte(campaigns.startDate, last), gte(campaigns.endDate, first)))
      .orderBy(asc(campaigns.startDate), asc(campaigns.id)),
    db
      .select({ id: milestones.id, campaignId: milestones.campaignId, name: milestones.name, dueDate: milestones.dueDate, updatedAt: milestones.updatedAt, campaignName: campaigns.name })
      .from(milestones)
      .innerJoin(campaigns, eq(campaigns.id, milestones.campaignId))
      .where(and(eq(milestones.workspaceId, workspaceId), going, gte(milestones.dueDate, first), lte(milestones.dueDate, last)))
      .orderBy(asc(milestones.dueDate), asc(milestones.id)),
    db
      .select({ id: contentItems.id, campaignId: contentItems.campaignId, channel: contentItems.channel, title: contentItems.title, scheduledAt: contentItems.scheduledAt, updatedAt: contentItems.updatedAt, campaignName: campaigns.name })
      .from(contentItems)
      .innerJoin(campaigns, eq(campaigns.id, contentItems.campaignId))
      .where(
        and(
          eq(contentItems.workspaceId, workspaceId),
          going,
          gte(contentItems.scheduledAt, new Date(`${first}T00:00:00Z`)),
          lt(contentItems.scheduledAt, new Date(Date.parse(`${last}T00:00:00Z`) + DAY_MS)),
        ),
      )
      .orderBy(asc(contentItems.scheduledAt), asc(contentItems.id)),
  ]);

  const base = appUrl();
  const host = new URL(base).hostname;
  const events: IcalEvent[] = [
    ...campaignRows.map((campaign): IcalEvent => ({
      uid: `campaign-${campaign.id}@${host}`,
      stamp: campaign.updatedAt,
      allDay: true,
      startDay: campaign.startDate,
      endDay: campaign.endDate,
      summary: campaign.name,
      description: `${campaignTypeLabels[campaign.type]} campaign, launching ${campaign.launchDate}.`,
      url: `${base}/campaigns/${campaign.id}`,
      categories: ["Campaign"],
    })),
    ...milestoneRows.map((milestone): IcalEvent => ({
      uid: `milestone-${milestone.id}@${host}`,
      stamp: milestone.updatedAt,
      allDay: true,
      startDay: milestone.dueDate,
      endDay: milestone.dueDate,
      summary: `${milestone.name} (${milestone.campaignName})`,
      description: `Milestone of the campaign “${milestone.campaignName}”.`,
      url: `${base}/campaigns/${milestone.campaignId}`,
      categories: ["Milestone"],
    })),
    ...contentRows.map((item): IcalEvent => ({
      uid: `content-${item.id}@${host}`,
      stamp: item.updatedAt,
      allDay: false,
      start: item.scheduledAt!,
      end: new Date(item.scheduledAt!.getTime() + CONTENT_EVENT_MS),
      summary: `${channelLabels[item.channel]}: ${item.title}`,
      description: `${channelLabels[item.channel]} for the campaign “${item.campaignName}”.`,
      url: `${base}/campaigns/${item.campaignId}/content/${item.id}`,
      categories: ["Content", channelLabels[item.channel]],
    })),
  ];
  return renderIcal({ name: `${workspace?.name ?? "Crescendo"} campaigns`, description: "Campaigns, milestones and scheduled content from Crescendo.", events });
}
