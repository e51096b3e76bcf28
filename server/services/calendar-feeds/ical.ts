// The few lines of RFC 5545 the feed needs: text escaping (3.3.11), content
// lines folded at 75 octets without splitting a character (3.1), CRLF endings,
// all-day dates and UTC date-times.

export type IcalEvent = {
  uid: string;
  /** When this event last changed: DTSTAMP and LAST-MODIFIED. */
  stamp: Date;
  summary: string;
  description?: string;
  url?: string;
  categories?: string[];
} & (
  | { allDay: true; /** First day, "2026-03-02". */ startDay: string; /** Last day, included; DTEND is the day after. */ endDay: string }
  | { allDay: false; start: Date; end: Date }
);

export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/** Splits a content line into lines of at most 75 octets; continuation lines start with a space. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; the others 74 after their leading space.
    if (octets + size > (lines.length === 0 ? 75 : 74)) {
      lines.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join("\r\n ");
}

/** 20260310T090000Z */
export function utcDateTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** 20260310 for "2026-03-10" */
function icalDate(day: string): string {
  return day.replaceAll("-", "");
}

function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function eventLines(event: IcalEvent): string[] {
  const lines = ["BEGIN:VEVENT", `UID:${event.uid}`, `DTSTAMP:${utcDateTime(event.stamp)}`, `LAST-MODIFIED:${utcDateTime(event.stamp)}`];
  if (event.allDay) {
    lines.push(`DTSTART;VALUE=DATE:${icalDate(event.startDay)}`, `DTEND;VALUE=DATE:${icalDate(dayAfter(event.endDay))}`, "TRANSP:TRANSPARENT");
  } else {
    lines.push(`DTSTART:${utcDateTime(event.start)}`, `DTEND:${utcDateTime(event.end)}`);
  }
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.url) lines.push(`URL:${event.url}`);
  if (event.categories?.length) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(",")}`);
  lines.push("END:VEVENT");
  return lines;
}

/** A whole VCALENDAR, ready to serve as text/calendar. */
export function renderIcal(calendar: { name: string; description?: string; events: IcalEvent[] }): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Crescendo//Campaign calendar//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...(calendar.description ? [`X-WR-CALDESC:${escapeText(calendar.description)}`] : []),
    // How often calendar apps should come back for changes.
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
    ...calendar.events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
