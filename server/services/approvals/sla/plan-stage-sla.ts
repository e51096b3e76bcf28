import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { workspaces } from "@/db/schema";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { stageAt } from "../stage-lifecycle";
import { lockOpenRound, type RoundInput } from "./lock-open-round";
import { planStageCheckpoints, type StageCheckpoint } from "./stage-checkpoints";

/** The checkpoints of the round's stage, from the request as it is now; nothing for a round that already ended. */
export async function planStageSla(db: Database, input: RoundInput & { now?: Date }): Promise<{ checkpoints: StageCheckpoint[] } | { skipped: string }> {
  return transactionWithRetry(db, async (tx) => {
    const open = await lockOpenRound(tx, input);
    if ("skipped" in open) return open;
    const { request } = open;
    if (!request.stageDueAt) return { checkpoints: [] };
    // The workspace's calendar now: a zone or holiday country changed since the stage started counts from here on.
    const [calendar] = await tx.select({ timeZone: workspaces.timeZone, holidayCountry: workspaces.holidayCountry }).from(workspaces).where(eq(workspaces.id, request.workspaceId));
    return { checkpoints: planStageCheckpoints(stageAt(request), { startedAt: request.stageStartedAt, dueAt: request.stageDueAt, calendar: calendar!, now: input.now ?? new Date() }) };
  });
}
