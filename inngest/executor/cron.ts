// Inngest cron triggers ("0 9 * * 1-5", "TZ=Europe/Paris 0 9 * * 1-5"), read with
// croner so day-of-week rules and daylight-saving changes are handled by a
// maintained library rather than by hand.
import { Cron } from "croner";

export class InvalidCronError extends Error {
  constructor(source: string, reason: string) {
    super(`invalid cron ${JSON.stringify(source)}: ${reason}`);
    this.name = "InvalidCronError";
  }
}

export interface CronSchedule {
  source: string;
  /** The IANA zone from a TZ= prefix; undefined means UTC. */
  timezone: string | undefined;
  /** The cron fields without the TZ= prefix. */
  expression: string;
  /** The first fire time strictly after `date`, or null if the expression never fires again. */
  nextAfter(date: Date): Date | null;
}

// robfig/cron, which Inngest's own scheduler builds on, accepts CRON_TZ= as well as TZ=.
const ZONE_PREFIX = /^(?:CRON_)?TZ=(\S*)\s+/;

export function parseCron(source: string): CronSchedule {
  const trimmed = source.trim();
  const prefix = ZONE_PREFIX.exec(trimmed);
  const timezone = prefix ? prefix[1] : undefined;
  const expression = prefix ? trimmed.slice(prefix[0].length) : trimmed;

  if (timezone !== undefined) assertTimeZone(source, timezone);
  let cron: Cron;
  try {
    // Without a zone the server's local zone would apply; Inngest reads plain crons as UTC.
    cron = new Cron(expression, { timezone: timezone ?? "UTC", mode: "5-or-6-parts" });
  } catch (error) {
    throw new InvalidCronError(source, error instanceof Error ? error.message : String(error));
  }

  return {
    source,
    timezone,
    expression,
    nextAfter(date) {
      if (Number.isNaN(date.getTime())) throw new RangeError("nextAfter needs a valid date");
      return cron.nextRun(date);
    },
  };
}

// croner only notices an unknown zone when it first computes a run; refuse it up front instead.
function assertTimeZone(source: string, timezone: string): void {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
  } catch {
    throw new InvalidCronError(source, `unknown time zone ${JSON.stringify(timezone)}`);
  }
}
