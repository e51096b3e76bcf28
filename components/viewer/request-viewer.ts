import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { createTRPCContext } from "@/server/api/context";
import { resolveViewer, type Viewer } from "@/server/services/date-time";
import { findDisplayPreferences } from "@/server/services/preferences/display-preferences";
import { TIME_ZONE_COOKIE } from "../browser-time-zone";

/** The zone and locale this request's pages are written in (see resolveViewer), read once per request. */
export const requestViewer = cache(async (): Promise<Viewer & { hasTimeZonePreference: boolean }> => {
  const [{ db, session, workspace }, jar, head] = await Promise.all([createTRPCContext(), cookies(), headers()]);
  const preferences = session ? await findDisplayPreferences(db, { userId: session.user.id, workspaceId: workspace?.id ?? null }) : null;
  const viewer = resolveViewer({
    cookieTimeZone: jar.get(TIME_ZONE_COOKIE)?.value,
    preferredTimeZone: preferences?.timeZone,
    preferredLocale: preferences?.locale,
    workspaceTimeZone: preferences?.workspaceTimeZone,
    acceptLanguage: head.get("accept-language"),
  });
  return { ...viewer, hasTimeZonePreference: Boolean(preferences?.timeZone) };
});
