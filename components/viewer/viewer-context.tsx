"use client";

import { createContext, useContext } from "react";
import { DEFAULT_LOCALE, FALLBACK_TIME_ZONE, type Viewer } from "@/server/services/date-time";

// The zone and locale the server rendered with, handed to client components so
// the browser writes every date exactly as the server did (no hydration error,
// no text that changes after load). Filled by the app layout from the request.
const ViewerContext = createContext<Viewer>({ timeZone: FALLBACK_TIME_ZONE, locale: DEFAULT_LOCALE });

export function ViewerProvider({ viewer, children }: { viewer: Viewer; children: React.ReactNode }) {
  return <ViewerContext value={viewer}>{children}</ViewerContext>;
}

/** Whose zone and locale dates are written in: pass it to the formatters of @/server/services/date-time. */
export function useViewer(): Viewer {
  return useContext(ViewerContext);
}
