// What the embedded executor is told about this app's data: the workspace a
// run belongs to, from its trigger's `data.workspaceId` or that of the event it
// reacts to (inngest/function.failed and the like carry the run's event).
import { sql } from "drizzle-orm";
import { workspaces } from "@/db/schema";
import type { ExecutorHooks } from "./executor/hooks";
import type { EventPayload } from "./executor/protocol";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function workspaceIdOf(event: EventPayload): string | null {
  const direct = event.data.workspaceId;
  if (typeof direct === "string" && uuid.test(direct)) return direct;
  const inner = event.data.event as { data?: { workspaceId?: unknown } } | undefined;
  const nested = inner?.data?.workspaceId;
  return typeof nested === "string" && uuid.test(nested) ? nested : null;
}

export const executorHooks: ExecutorHooks = {
  runWorkspace(event) {
    const workspaceId = workspaceIdOf(event);
    // A workspace that does not exist (any more) leaves the run without one instead of failing the event.
    return workspaceId ? sql`(select ${workspaces.id} from ${workspaces} where ${workspaces.id} = ${workspaceId}::uuid)` : null;
  },
};
