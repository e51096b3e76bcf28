// Which zone and locale a person sees dates in, decided the same way for every
// page and email: their browser's zone (the cookie it keeps current), else the
// zone they chose, else their workspace's; the locale they chose, else the one
// their browser asks for (Accept-Language), else the default.
import type { Viewer } from "./format";
import { isSupportedLocale, matchLocale, negotiateLocale } from "./locales";

export const FALLBACK_TIME_ZONE = "UTC";

/** True for a zone name this runtime knows ("Europe/Berlin"). */
export function isKnownTimeZone(timeZone: string | null | undefined): timeZone is string {
  if (!timeZone) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export interface ViewerSources {
  /** The browser's zone as its cookie says. */
  cookieTimeZone?: string | null;
  /** The member's own choices, when they made one. */
  preferredTimeZone?: string | null;
  preferredLocale?: string | null;
  /** The workspace's zone (Settings). */
  workspaceTimeZone?: string | null;
  acceptLanguage?: string | null;
}

export function resolveViewer(sources: ViewerSources): Viewer {
  const timeZone = [sources.cookieTimeZone, sources.preferredTimeZone, sources.workspaceTimeZone].find(isKnownTimeZone) ?? FALLBACK_TIME_ZONE;
  const preferred = sources.preferredLocale ? (isSupportedLocale(sources.preferredLocale) ? sources.preferredLocale : matchLocale(sources.preferredLocale)) : null;
  return { timeZone, locale: preferred ?? negotiateLocale(sources.acceptLanguage) };
}
