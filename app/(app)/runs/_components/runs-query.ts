import type { WorkflowRunStatus } from "@/db/schema/workflows";

// Shared by the page, which prefetches the list, and the table, which reads it:
// both must ask for exactly the same query.

/** How often the runs pages ask for news: runs move on in the background. */
export const RUNS_REFRESH_MS = 2_000;

export interface RunFilters {
  status?: WorkflowRunStatus;
  functionId?: string;
}

export function runsQueryInput(filters: RunFilters) {
  return { ...(filters.status ? { status: filters.status } : {}), ...(filters.functionId ? { functionId: filters.functionId } : {}) };
}

export const runsPageParams = {
  getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor,
  refetchInterval: RUNS_REFRESH_MS,
};
