import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { type WorkflowRunStatus, workflowFunctions, workflowRuns } from "@/db/schema";
import type { InstantCursor } from "@/server/services/shared/cursor.schema";
import { instantCursorOf, olderThanCursor } from "@/server/services/shared/instant-cursor-sql";
import { describeRun } from "./describe-run";
import { runFactsColumns } from "./run-facts-sql";

export const RUNS_PAGE_SIZE = 50;

/**
 * The workspace's workflow runs, newest first, a page at a time. `nextCursor`
 * continues after the last run: its created_at to the microsecond and its id,
 * so runs created within one millisecond are neither skipped nor repeated.
 */
export async function listRuns(
  db: Database,
  input: { workspaceId: string; status?: WorkflowRunStatus; functionId?: string; cursor?: InstantCursor | null; limit?: number },
) {
  const limit = input.limit ?? RUNS_PAGE_SIZE;
  // Decoded and checked by listRunsInput (workflow.schema.ts): a real instant in the supported years and a uuid.
  const after = input.cursor;
  const rows = await db
    .select({
      id: workflowRuns.id,
      functionId: workflowRuns.functionId,
      functionName: sql<string>`coalesce(${workflowFunctions.name}, ${workflowRuns.functionId})`,
      eventName: sql<string>`${workflowRuns.event}->>'name'`,
      status: workflowRuns.status,
      createdAt: workflowRuns.createdAt,
      startedAt: workflowRuns.startedAt,
      endedAt: workflowRuns.endedAt,
      ...runFactsColumns,
      cursor: instantCursorOf(workflowRuns.createdAt, workflowRuns.id),
    })
    .from(workflowRuns)
    .leftJoin(workflowFunctions, eq(workflowFunctions.id, workflowRuns.functionId))
    .where(
      and(
        eq(workflowRuns.workspaceId, input.workspaceId),
        input.status ? eq(workflowRuns.status, input.status) : undefined,
        input.functionId ? eq(workflowRuns.functionId, input.functionId) : undefined,
        olderThanCursor(workflowRuns.createdAt, workflowRuns.id, after),
      ),
    )
    .orderBy(desc(workflowRuns.createdAt), desc(workflowRuns.id))
    .limit(limit + 1);
  const now = Date.now();
  const page = rows.slice(0, limit);
  const runs = page.map(({ cursor: _cursor, workspaceName, inviteeEmail, taskTitle, approvalTitle, memberName, pausedStep, wakesAt, ...run }) => ({
    ...run,
    durationMs: durationMs(run, now),
    summary: describeRun({ ...run, workspaceName, inviteeEmail, taskTitle, approvalTitle, memberName, pausedStep, wakesAt }),
  }));
  return { runs, nextCursor: rows.length > limit ? (page.at(-1)?.cursor ?? null) : null };
}

/** How long a run has taken so far: until it ended, or until now while it goes on. */
export function durationMs(run: { startedAt: Date | null; endedAt: Date | null }, now = Date.now()): number | null {
  if (!run.startedAt) return null;
  return Math.max(0, (run.endedAt?.getTime() ?? now) - run.startedAt.getTime());
}
