import { and, asc, eq, exists, isNull, or } from "drizzle-orm";
import type { Database } from "@/db";
import { workflowFunctions, workflowRuns } from "@/db/schema";

/** Functions to filter the workspace's runs by: those served now, and any the workspace has runs of. */
export function listFunctions(db: Database, input: { workspaceId: string }) {
  const hasRuns = db
    .select({ id: workflowRuns.id })
    .from(workflowRuns)
    .where(and(eq(workflowRuns.functionId, workflowFunctions.id), eq(workflowRuns.workspaceId, input.workspaceId)));
  return db
    .select({ id: workflowFunctions.id, name: workflowFunctions.name })
    .from(workflowFunctions)
    .where(or(isNull(workflowFunctions.removedAt), exists(hasRuns)))
    .orderBy(asc(workflowFunctions.name), asc(workflowFunctions.id))
    .limit(500);
}
