// The locales Crescendo writes dates, times and numbers in. Each has its own
// patterns below; a locale the viewer asks for is matched to one of these, so
// the server and every browser write the same text (see format.ts for why the
// patterns are ours and not the browser's Intl).
import type { Locale } from "date-fns";
import { de } from "date-fns/locale/de";
import { enGB } from "date-fns/locale/en-GB";
import { enUS } from "date-fns/locale/en-US";
import { es } from "date-fns/locale/es";
import { fr } from "date-fns/locale/fr";
import { nl } from "date-fns/locale/nl";

export const SUPPORTED_LOCALES = ["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "nl-NL"] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: SupportedLocale = "en-US";

export interface LocalePatterns {
  dateFns: Locale;
  /** A day with its weekday: "Wed, Dec 9, 2026". */
  date: string;
  /** A day in a range, without and with the year: "Dec 9" / "Dec 9, 2026". */
  rangeDay: string;
  rangeDayWithYear: string;
  /** A time of day: "4:00 AM" or "04:00". */
  time: string;
  /** Between a date and its time. */
  dateTimeSeparator: string;
}

export const localePatterns: Record<SupportedLocale, LocalePatterns> = {
  "en-US": { dateFns: enUS, date: "EEE, MMM d, yyyy", rangeDay: "MMM d", rangeDayWithYear: "MMM d, yyyy", time: "h:mm a", dateTimeSeparator: ", " },
  "en-GB": { dateFns: enGB, date: "EEE d MMM yyyy", rangeDay: "d MMM", rangeDayWithYear: "d MMM yyyy", time: "HH:mm", dateTimeSeparator: ", " },
  "de-DE": { dateFns: de, date: "EEE, d. MMM yyyy", rangeDay: "d. MMM", rangeDayWithYear: "d. MMM yyyy", time: "HH:mm", dateTimeSeparator: ", " },
  "fr-FR": { dateFns: fr, date: "EEE d MMM yyyy", rangeDay: "d MMM", rangeDayWithYear: "d MMM yyyy", time: "HH:mm", dateTimeSeparator: ", " },
  "es-ES": { dateFns: es, date: "EEE, d MMM yyyy", rangeDay: "d MMM", rangeDayWithYear: "d MMM yyyy", time: "HH:mm", dateTimeSeparator: ", " },
  "nl-NL": { dateFns: nl, date: "EEE d MMM yyyy", rangeDay: "d MMM", rangeDayWithYear: "d MMM yyyy", time: "HH:mm", dateTimeSeparator: ", " },
};

export function isSupportedLocale(value: string | null | undefined): value is SupportedLocale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value ?? "");
}

/** Whether the locale writes times on a 12-hour clock ("4:00 AM"): the calendar draws its hours the same way. */
export function uses12HourClock(locale: SupportedLocale): boolean {
  return localePatterns[locale].time.includes("a");
}

/** The supported locale closest to a tag: itself, then one of the same language ("de-AT" -> "de-DE", "en-AU" -> "en-GB"), else none. */
export function matchLocale(tag: string): SupportedLocale | null {
  const wanted = tag.trim().toLowerCase();
  if (!wanted || wanted === "*") return null;
  const exact = SUPPORTED_LOCALES.find((locale) => locale.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split("-")[0];
  // English outside the US writes dates the British way.
  if (language === "en") return wanted === "en" || wanted.startsWith("en-us") ? "en-US" : "en-GB";
  return SUPPORTED_LOCALES.find((locale) => locale.toLowerCase().split("-")[0] === language) ?? null;
}

/** The best supported locale for an Accept-Language header ("de-CH,de;q=0.9,en;q=0.8"), by the weights it gives; the default when nothing fits. */
export function negotiateLocale(acceptLanguage: string | null | undefined): SupportedLocale {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const entry of ranked) {
    const match = matchLocale(entry.tag);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}
