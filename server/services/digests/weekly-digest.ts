// The weekly summary for a campaign owner, one email listing each active
// campaign they own: tasks done last week and open now, milestones due last week
// that were hit or missed, and content scheduled for the week ahead. Weeks are
// Monday to Sunday in the owner's days; null when no campaign has anything to say.
import { TZDate } from "@date-fns/tz";
import { addDays, format, parse } from "date-fns";
import { and, asc, count, eq, gte, inArray, lt, lte, ne, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { campaigns, contentItems, milestones, tasks } from "@/db/schema";
import { appUrl } from "@/server/env";
import { formatDateTime, formatDay, formatDayRange, formatShortDay } from "../date-time";
import { instantAt } from "../date-time/wall-clock";
import { nextDay } from "./daily-digest";
import type { DigestRecipient } from "./digest-recipient";
import { type DigestBlock, digestText } from "./digest-text";

/** The Monday of an ISO week ("2026-W49" -> "2026-11-30"). */
export function mondayOf(week: string): string {
  return format(parse(week, "RRRR-'W'II", new Date(2000, 0, 1)), "yyyy-MM-dd");
}

/** The ISO week an instant falls in for a zone ("2026-W49"), as the search for due digests names it. */
export function isoWeekIn(timeZone: string, now: Date = new Date()): string {
  return format(new TZDate(now.getTime(), timeZone), "RRRR-'W'II");
}

const shiftDays = (day: string, days: number) => format(addDays(parse(day, "yyyy-MM-dd", new Date(2000, 0, 1)), days), "yyyy-MM-dd");

export async function composeWeeklyDigest(tx: Database, recipient: DigestRecipient, input: { workspaceId: string; week: string }) {
  const { viewer } = recipient;
  const thisMonday = mondayOf(input.week);
  const lastMonday = shiftDays(thisMonday, -7);
  const lastSunday = shiftDays(thisMonday, -1);
  const at = (day: string) => instantAt(day, 0, viewer.timeZone);
  const [lastWeekStart, weekStart, weekEnd] = [at(lastMonday), at(thisMonday), at(shiftDays(thisMonday, 7))];

  const owned = await tx
    .select({ id: campaigns.id, name: campaigns.name })
    .from(campaigns)
    .where(and(eq(campaigns.workspaceId, input.workspaceId), eq(campaigns.ownerId, recipient.userId), eq(campaigns.status, "active")))
    .orderBy(asc(campaigns.launchDate), asc(campaigns.name));
  if (owned.length === 0) return null;
  const ids = owned.map((campaign) => campaign.id);

  const [done, open, dueMilestones, scheduled] = await Promise.all([
    tx
      .select({ id: tasks.id, title: tasks.title, campaignId: tasks.campaignId })
      .from(tasks)
      .where(and(eq(tasks.workspaceId, input.workspaceId), inArray(tasks.campaignId, ids), eq(tasks.status, "done"), gte(tasks.completedAt, lastWeekStart), lt(tasks.completedAt, weekStart)))
      .orderBy(asc(tasks.completedAt), asc(tasks.id)),
    tx
      .select({
        campaignId: tasks.campaignId,
        open: count(),
        overdue: sql<number>`count(*) filter (where ${tasks.dueAt} < now())`.mapWith(Number),
      })
      .from(tasks)
      .where(and(eq(tasks.workspaceId, input.workspaceId), inArray(tasks.campaignId, ids), ne(tasks.status, "done")))
      .groupBy(tasks.campaignId),
    tx
      .select({ id: milestones.id, name: milestones.name, campaignId: milestones.campaignId, dueDate: milestones.dueDate, completedAt: milestones.completedAt })
      .from(milestones)
      .where(and(eq(milestones.workspaceId, input.workspaceId), inArray(milestones.campaignId, ids), gte(milestones.dueDate, lastMonday), lte(milestones.dueDate, lastSunday)))
      .orderBy(asc(milestones.dueDate), asc(milestones.position)),
    tx
      .select({ id: contentItems.id, title: contentItems.title, channel: contentItems.channel, campaignId: contentItems.campaignId, scheduledAt: contentItems.scheduledAt })
      .from(contentItems)
      .where(and(eq(contentItems.workspaceId, input.workspaceId), inArray(contentItems.campaignId, ids), gte(contentItems.scheduledAt, weekStart), lt(contentItems.scheduledAt, weekEnd)))
      .orderBy(asc(contentItems.scheduledAt), asc(contentItems.id)),
  ]);

  const base = appUrl();
  // Hit: done by the end of its day in the owner's days; missed: not, or done later.
  const hit = (milestone: (typeof dueMilestones)[number]) => milestone.completedAt !== null && milestone.completedAt < at(nextDay(milestone.dueDate));
  const blocks: DigestBlock[] = [];
  for (const campaign of owned) {
    const campaignLink = `${base}/campaigns/${campaign.id}`;
    const mine = <T extends { campaignId: string | null }>(rows: T[]) => rows.filter((row) => row.campaignId === campaign.id);
    const counts = mine(open)[0];
    const theirMilestones = mine(dueMilestones);
    const block: DigestBlock = {
      title: { line: campaign.name, link: campaignLink },
      notes: counts ? [`${counts.open} ${counts.open === 1 ? "task" : "tasks"} open now${counts.overdue > 0 ? `, ${counts.overdue} of them overdue` : ""}`] : [],
      sections: [
        { heading: "Tasks done last week", items: mine(done).map((task) => ({ line: task.title, link: `${base}/tasks/${task.id}` })) },
        {
          heading: "Milestones hit last week",
          items: theirMilestones.filter(hit).map((m) => ({ line: `${m.name}, due ${formatShortDay(viewer, m.dueDate)}`, link: campaignLink })),
        },
        {
          heading: "Milestones missed last week",
          items: theirMilestones
            .filter((m) => !hit(m))
            .map((m) => ({ line: `${m.name}, due ${formatShortDay(viewer, m.dueDate)}${m.completedAt ? ", done late" : ""}`, link: campaignLink })),
        },
        {
          heading: "Content scheduled this week",
          items: mine(scheduled).map((item) => ({
            line: `${item.title} (${item.channel}), ${formatDateTime(viewer, item.scheduledAt!)}`,
            link: `${campaignLink}/content/${item.id}`,
          })),
        },
      ],
    };
    if ((block.notes?.length ?? 0) > 0 || block.sections.some((section) => section.items.length > 0)) blocks.push(block);
  }
  if (blocks.length === 0) return null;
  return {
    subject: `Your campaigns in ${recipient.workspaceName}, week of ${formatShortDay(viewer, thisMonday)}`,
    text: digestText({
      greeting: `Hello ${recipient.name},`,
      intro: `Your active campaigns in ${recipient.workspaceName}: last week (${formatDayRange(viewer, lastMonday, lastSunday)}) and the week ahead, from ${formatDay(viewer, thisMonday)}.`,
      blocks,
      more: { label: "All campaigns", link: `${base}/campaigns` },
      settings: "Change when this email comes, or turn it off",
    }),
  };
}
