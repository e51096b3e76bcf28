"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { rememberTimeZoneAction } from "./viewer/remember-time-zone-action";
import { browserTimeZone, TIME_ZONE_COOKIE } from "./browser-time-zone";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Keeps the time zone cookie in step with the browser (a laptop that travels
 * changes zone). The sign-in and sign-up pages render it too, so the first page
 * after signing in is already written in the browser's zone. Inside the app, a
 * page written in another zone is fetched again once the cookie is right, and a
 * person with no zone of their own gets the browser's.
 */
export function RememberTimeZone({ renderedIn, storeAsPreference = false }: { renderedIn?: string; storeAsPreference?: boolean }) {
  const router = useRouter();
  useEffect(() => {
    const zone = browserTimeZone();
    const current = document.cookie
      .split("; ")
      .find((pair) => pair.startsWith(`${TIME_ZONE_COOKIE}=`))
      ?.slice(TIME_ZONE_COOKIE.length + 1);
    if (current !== encodeURIComponent(zone)) {
      document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
    }
    if (storeAsPreference) void rememberTimeZoneAction(zone).catch(() => {});
    if (renderedIn && renderedIn !== zone) router.refresh();
  }, [renderedIn, storeAsPreference, router]);
  return null;
}
