import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { memberships } from "@/db/schema";
import { changedFields, recordAudit } from "@/server/services/audit/record-audit";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { lockEditableMember } from "./lock-editable-member";
import type { UpdateProfileInput } from "./team.schema";
import { assertKnownSkills, skillCatalogue } from "./workspace-skill-catalogue";

const profileOf = (row: typeof memberships.$inferSelect) => ({
  skills: row.skills,
  weeklyCapacityHours: row.weeklyCapacityHours,
  workingDays: row.workingDays,
  timeZone: row.timeZone,
});
export type MemberProfile = ReturnType<typeof profileOf>;

/** Sets a member's skills, weekly capacity, working days and zone (null: the workspace's). Managers and admins change anyone's, a marketer only their own. */
export async function updateMemberProfile(db: Database, input: UpdateProfileInput & { workspaceId: string; actorId: string }): Promise<MemberProfile & { userId: string }> {
  const { workspaceId, actorId, userId } = input;
  // One of each, in a stable order, so saving the same choices twice changes nothing.
  const wanted = {
    skills: [...new Set(input.skills)],
    weeklyCapacityHours: input.weeklyCapacityHours,
    workingDays: [...new Set(input.workingDays)].sort((a, b) => a - b),
    timeZone: input.timeZone,
  };
  return transactionWithRetry(db, async (tx) => {
    const target = await lockEditableMember(tx, input);
    assertKnownSkills(await skillCatalogue(tx, { workspaceId }), wanted.skills);
    const current = profileOf(target);
    const diff = changedFields(current, wanted);
    if (!diff.changed) return { userId, ...current };
    await tx.update(memberships).set(wanted).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
    await recordAudit(tx, { workspaceId, actorId, entityType: "member_profile", entityId: userId, action: "updated", before: diff.before, after: diff.after });
    return { userId, ...wanted };
  });
}
