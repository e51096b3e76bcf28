// When a member's notification email may go out: a moment after the first
// pending notification (so a burst goes in one email), no sooner than 15 minutes
// after their last one, and never in their quiet hours. Pure, so a workflow step
// computes it once and every replay sleeps until the same moment.
import { todayIn } from "@/server/services/date-time";
import { instantAt } from "@/server/services/date-time/wall-clock";
import { addDays } from "@/server/services/timeline/business-days";
import { EMAIL_INTERVAL_MINUTES } from "./notification-kinds";

/** How long the first notification of a burst waits for the others. */
export const GATHER_MS = 60_000;
const INTERVAL_MS = EMAIL_INTERVAL_MINUTES * 60_000;

export interface QuietHours {
  /** "22:00" */
  start: string;
  /** "07:00"; earlier than the start: the quiet hours cross midnight. */
  end: string;
  timeZone: string;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** `at`, or when the quiet hours it falls in end (in the member's zone, daylight-saving changes included). */
export function afterQuietHours(at: Date, quiet: QuietHours | null): Date {
  if (!quiet) return at;
  const [start, end] = [minutesOf(quiet.start), minutesOf(quiet.end)];
  if (start === end) return at;
  const today = todayIn(quiet.timeZone, at);
  // Quiet hours that began yesterday evening may still last; so may today's.
  for (const day of [addDays(today, -1), today]) {
    const from = instantAt(day, start, quiet.timeZone);
    const until = instantAt(end > start ? day : addDays(day, 1), end, quiet.timeZone);
    if (at >= from && at < until) return until;
  }
  return at;
}

export function emailSendTime(input: { firstPendingAt: Date; lastSentAt: Date | null; now: Date; quiet: QuietHours | null }): Date {
  const earliest = Math.max(input.now.getTime(), input.firstPendingAt.getTime() + GATHER_MS, (input.lastSentAt?.getTime() ?? 0) + INTERVAL_MS);
  return afterQuietHours(new Date(earliest), input.quiet);
}
