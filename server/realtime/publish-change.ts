// Tells every app instance on this database that something in a workspace
// changed, from inside the writer's transaction: PostgreSQL delivers a NOTIFY
// only when the transaction commits, and never when it rolls back, so listeners
// hear of exactly the changes that happened. The payload stays small (ids, not
// rows; NOTIFY refuses more than 8000 bytes): listeners re-read what they show.
import { sql } from "drizzle-orm";
import type { Database } from "@/db";

/** The one channel every change goes out on; listeners filter by workspace. */
export const CHANGES_CHANNEL = "crescendo_changes";

/** What a page can follow live; a new page adds its topic here. */
export const CHANGE_TOPICS = ["tasks", "notifications", "approvals"] as const;
export type ChangeTopic = (typeof CHANGE_TOPICS)[number];

export interface Change {
  workspaceId: string;
  topic: ChangeTopic;
  /** The rows that changed; a page re-reads those (or everything, when there are many). */
  ids: string[];
  /** Who made it, so their own page can skip the echo; null for background flows. */
  actorId: string | null;
}

// Beyond this many ids a change says "everything" (an empty list) to stay under NOTIFY's size limit.
const MAX_IDS = 100;

export async function publishChange(tx: Database, change: Change): Promise<void> {
  const payload: Change = { ...change, ids: change.ids.length > MAX_IDS ? [] : change.ids };
  await tx.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify(payload)})`);
}
