"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * Today in the browser's zone, "2026-03-09"; null while rendering on the server, which
 * does not know the viewer's day, so the overdue flags appear once the page is live
 * instead of differing between the server's text and the browser's.
 */
export function useToday(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => {
      const now = new Date();
      return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
    },
    () => null,
  );
}
