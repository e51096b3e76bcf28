import { format, parseISO } from "date-fns";

/** A calendar day ("2026-03-09") as "Mon 9 Mar 2026"; days have no time zone, so none is applied. */
export function formatDay(day: string): string {
  return format(parseISO(day), "EEE d MMM yyyy");
}

/** "9 Mar – 31 Mar 2026", or across years "28 Dec 2026 – 4 Jan 2027". */
export function formatDayRange(start: string, end: string): string {
  const a = parseISO(start);
  const b = parseISO(end);
  return a.getFullYear() === b.getFullYear() ? `${format(a, "d MMM")} – ${format(b, "d MMM yyyy")}` : `${format(a, "d MMM yyyy")} – ${format(b, "d MMM yyyy")}`;
}

/** An exact decimal amount in its currency, in the reader's locale. */
export function formatMoney(amount: string | null, currency: string): string {
  if (amount === null) return "—";
  return new Intl.NumberFormat(undefined, { style: "currency", currency, maximumFractionDigits: 2 }).format(Number(amount));
}
