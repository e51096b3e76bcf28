"use client";

import { type QueryFilters, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { ChangeTopic } from "@/server/realtime/publish-change";
import { useLiveChanges } from "./use-live-changes";

// A burst of changes (a batch assignment, say) becomes one re-read, at most this long after the first.
const GATHER_MS = 150;

/**
 * Re-reads the queries a page shows whenever `topic` changes in the workspace:
 * `useInvalidateOnChange("tasks", [trpc.task.pathFilter()])`.
 */
export function useInvalidateOnChange(topic: ChangeTopic, filters: QueryFilters[]): void {
  const queryClient = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latestFilters = useRef(filters);
  useEffect(() => {
    latestFilters.current = filters;
  });
  useEffect(() => () => clearTimeout(pending.current), []);
  useLiveChanges(topic, () => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = undefined;
      for (const filter of latestFilters.current) void queryClient.invalidateQueries(filter);
    }, GATHER_MS);
  });
}
