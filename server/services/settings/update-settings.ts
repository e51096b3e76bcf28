import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { workspaces } from "@/db/schema";
import type { UpdateSettingsInput } from "./settings.schema";
import { fieldError } from "@/server/errors";
import { changedFields, recordAudit } from "@/server/services/audit/record-audit";
import { isHolidayCountry } from "@/server/services/timeline/business-days";
import { planningSettings } from "./planning-settings";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";

/** Changes the workspace's planning settings; timelines generated afterwards follow them. The actor must still be an admin (checked under lock). */
export async function updateSettings(db: Database, input: UpdateSettingsInput & { workspaceId: string; actorId: string }) {
  const { workspaceId, actorId, ...fields } = input;
  if (fields.holidayCountry !== null && !isHolidayCountry(fields.holidayCountry)) {
    throw fieldError("holidayCountry", "We have no public holidays for that country. Choose one from the list, or none.");
  }
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "admin");
    const current = await planningSettings(tx, { workspaceId });
    const diff = changedFields(current, fields);
    if (!diff.changed) return current;
    await tx.update(workspaces).set(fields).where(eq(workspaces.id, workspaceId));
    await recordAudit(tx, { workspaceId, actorId, entityType: "workspace_settings", entityId: workspaceId, action: "updated", before: diff.before, after: diff.after });
    return { ...current, ...fields };
  });
}
