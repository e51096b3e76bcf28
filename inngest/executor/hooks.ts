// What the app that embeds the executor tells it about its own data. The
// executor imports nothing of the app: it gets its database handle and these.
import type { SQL } from "drizzle-orm";
import type { EventPayload } from "./protocol";

export interface ExecutorHooks {
  /**
   * The workspace a run started by `event` belongs to: an id, or an SQL
   * expression for the run's workspace_id column (so a workspace that no
   * longer exists can leave the run without one); null for none. Runs belong
   * to no workspace when this is not given.
   */
  runWorkspace?(event: EventPayload): SQL | string | null;
}
