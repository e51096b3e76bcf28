"use client";

import { useEffect } from "react";
import { browserTimeZone, TIME_ZONE_COOKIE } from "./browser-time-zone";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Keeps the time zone cookie in step with the browser (a laptop that travels changes zone). */
export function RememberTimeZone() {
  useEffect(() => {
    const zone = browserTimeZone();
    const current = document.cookie
      .split("; ")
      .find((pair) => pair.startsWith(`${TIME_ZONE_COOKIE}=`))
      ?.slice(TIME_ZONE_COOKIE.length + 1);
    if (current !== encodeURIComponent(zone)) {
      document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
    }
  }, []);
  return null;
}
