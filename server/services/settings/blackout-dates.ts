import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { blackoutDates } from "@/db/schema";
import type { AddBlackoutInput } from "./settings.schema";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";

const view = (row: typeof blackoutDates.$inferSelect) => ({ startDate: row.startDate, endDate: row.endDate, reason: row.reason });

/** The workspace's blackout dates, soonest first. */
export async function listBlackouts(db: Database, input: { workspaceId: string }) {
  return db
    .select({ id: blackoutDates.id, startDate: blackoutDates.startDate, endDate: blackoutDates.endDate, reason: blackoutDates.reason })
    .from(blackoutDates)
    .where(eq(blackoutDates.workspaceId, input.workspaceId))
    .orderBy(asc(blackoutDates.startDate), asc(blackoutDates.endDate))
    .limit(500);
}

export async function addBlackout(db: Database, input: AddBlackoutInput & { workspaceId: string; actorId: string }) {
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "manager");
    const [row] = await tx
      .insert(blackoutDates)
      .values({ workspaceId: input.workspaceId, startDate: input.startDate, endDate: input.endDate, reason: input.reason })
      .returning();
    await recordAudit(tx, { workspaceId: input.workspaceId, actorId: input.actorId, entityType: "blackout_date", entityId: row!.id, action: "created", after: view(row!) });
    return { id: row!.id, ...view(row!) };
  });
}

export async function removeBlackout(db: Database, input: { workspaceId: string; actorId: string; blackoutId: string }) {
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "manager");
    const [row] = await tx
      .delete(blackoutDates)
      .where(and(eq(blackoutDates.workspaceId, input.workspaceId), eq(blackoutDates.id, input.blackoutId)))
      .returning();
    if (!row) throw new AppError("NOT_FOUND", "That blackout date does not exist in this workspace. It may have been removed already.");
    await recordAudit(tx, { workspaceId: input.workspaceId, actorId: input.actorId, entityType: "blackout_date", entityId: row.id, action: "deleted", before: view(row) });
    return { id: row.id };
  });
}
