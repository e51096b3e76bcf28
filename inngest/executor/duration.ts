// Sleep and timeout values as the Inngest SDK sends them: compact durations from
// its timeStr helper ("1w2d3h4m5s") or, for sleepUntil, an ISO 8601 instant.
export class InvalidDurationError extends Error {
  constructor(value: string, reason: string) {
    super(`invalid duration ${JSON.stringify(value)}: ${reason}`);
    this.name = "InvalidDurationError";
  }
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNIT_MS: Record<string, number> = { y: 365 * DAY, w: 7 * DAY, d: DAY, h: HOUR, m: MINUTE, s: SECOND, ms: 1 };

/** Milliseconds in a duration such as "2s" or "1d2h"; whole numbers only, units in any order. */
export function parseDurationMs(value: string): number {
  if (value === "") throw new InvalidDurationError(value, "it is empty");
  // "ms" before "m", so "5ms" is five milliseconds and not five minutes followed by "s".
  const part = /(\d+)(ms|y|w|d|h|m|s)/y;
  let total = 0;
  while (part.lastIndex < value.length) {
    const start = part.lastIndex;
    const match = part.exec(value);
    if (!match) {
      throw new InvalidDurationError(value, `cannot read ${JSON.stringify(value.slice(start))}; expected a number and one of y, w, d, h, m, s, ms`);
    }
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ""] ?? Number.NaN);
  }
  if (!Number.isSafeInteger(total)) throw new InvalidDurationError(value, "it is too long");
  return total;
}

// RFC 3339 as the SDK writes it (Date#toISOString), with any offset and any
// number of fraction digits. A time without an offset is refused: it would be
// read in the server's own zone.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** When a sleep or wait ends: the instant itself for an ISO date, otherwise `from` plus the duration. */
export function resolveWakeTime(value: string, from: Date): Date {
  if (/^\d{4}-/.test(value)) return parseInstant(value);
  return new Date(from.getTime() + parseDurationMs(value));
}

function parseInstant(value: string): Date {
  const match = INSTANT.exec(value);
  if (!match) {
    throw new InvalidDurationError(value, "not an ISO 8601 date-time with seconds and an offset (Z or ±hh:mm)");
  }
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  // Fractions finer than a millisecond are cut off: Date holds milliseconds.
  const millisecond = Number((match[7] ?? "").padEnd(3, "0").slice(0, 3));
  const offsetMinutes = match[8] ? 0 : (match[9] === "-" ? -1 : 1) * (Number(match[10]) * 60 + Number(match[11]));

  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond));
  // Date.UTC rolls 30 February over into March; a round trip catches that and any out-of-range field.
  const valid =
    local.getUTCFullYear() === year &&
    local.getUTCMonth() === month - 1 &&
    local.getUTCDate() === day &&
    local.getUTCHours() === hour &&
    local.getUTCMinutes() === minute &&
    local.getUTCSeconds() === second &&
    Number(match[10] ?? 0) < 24 &&
    Number(match[11] ?? 0) < 60;
  if (!valid) throw new InvalidDurationError(value, "not a real date and time");
  return new Date(local.getTime() - offsetMinutes * MINUTE);
}
