import type { WorkflowRunStatus } from "@/db/schema/workflows";
import { listRunsInput } from "@/server/services/workflows/workflow.schema";

// Shared by the page, which prefetches the list, and the table, which reads it:
// both must ask for exactly the same query.

/** How often the runs pages ask for news: runs move on in the background. */
export const RUNS_REFRESH_MS = 2_000;

export interface RunFilters {
  status?: WorkflowRunStatus;
  functionId?: string;
}

export function runsQueryInput(filters: RunFilters) {
  // A function name from the address that the list's schema refuses (control characters, too long) is dropped, like an unknown status.
  const functionId = filters.functionId && listRunsInput.shape.functionId.safeParse(filters.functionId).success ? filters.functionId : undefined;
  return { ...(filters.status ? { status: filters.status } : {}), ...(functionId ? { functionId } : {}) };
}

export const runsPageParams = {
  getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor,
  refetchInterval: RUNS_REFRESH_MS,
};
