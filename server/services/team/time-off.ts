import { and, asc, eq, gte } from "drizzle-orm";
import type { Database } from "@/db";
import { timeOff } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { lockEditableMember } from "./lock-editable-member";
import type { AddTimeOffInput } from "./team.schema";

const view = (row: typeof timeOff.$inferSelect) => ({ userId: row.userId, startDate: row.startDate, endDate: row.endDate, note: row.note });

/** The workspace's time off that ends on or after `from` (a day), soonest first; the /team page shows it per member. */
export function listTimeOff(db: Database, input: { workspaceId: string; from: string }) {
  return db
    .select({ id: timeOff.id, userId: timeOff.userId, startDate: timeOff.startDate, endDate: timeOff.endDate, note: timeOff.note })
    .from(timeOff)
    .where(and(eq(timeOff.workspaceId, input.workspaceId), gte(timeOff.endDate, input.from)))
    .orderBy(asc(timeOff.startDate), asc(timeOff.endDate))
    .limit(2000);
}

/** Records days a member is away (both days included). Managers and admins add anyone's, a marketer only their own. */
export async function addTimeOff(db: Database, input: AddTimeOffInput & { workspaceId: string; actorId: string }) {
  return transactionWithRetry(db, async (tx) => {
    await lockEditableMember(tx, input);
    const [row] = await tx
      .insert(timeOff)
      .values({ workspaceId: input.workspaceId, userId: input.userId, startDate: input.startDate, endDate: input.endDate, note: input.note ?? "" })
      .returning();
    await recordAudit(tx, { workspaceId: input.workspaceId, actorId: input.actorId, entityType: "time_off", entityId: row!.id, action: "created", after: view(row!) });
    return { id: row!.id, ...view(row!) };
  });
}

const GONE = "That time off does not exist in this workspace. It may have been removed already.";

/** Removes a time off entry, under the same rules as adding one. */
export async function removeTimeOff(db: Database, input: { workspaceId: string; actorId: string; timeOffId: string }) {
  return transactionWithRetry(db, async (tx) => {
    const [found] = await tx
      .select({ userId: timeOff.userId })
      .from(timeOff)
      .where(and(eq(timeOff.workspaceId, input.workspaceId), eq(timeOff.id, input.timeOffId)));
    if (!found) throw new AppError("NOT_FOUND", GONE);
    // The member first, then their entry: the order every service locks in.
    await lockEditableMember(tx, { ...input, userId: found.userId });
    const [row] = await tx
      .delete(timeOff)
      .where(and(eq(timeOff.workspaceId, input.workspaceId), eq(timeOff.id, input.timeOffId), eq(timeOff.userId, found.userId)))
      .returning();
    if (!row) throw new AppError("NOT_FOUND", GONE);
    await recordAudit(tx, { workspaceId: input.workspaceId, actorId: input.actorId, entityType: "time_off", entityId: row.id, action: "deleted", before: view(row) });
    return { id: row.id };
  });
}
