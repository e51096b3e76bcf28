import { and, arrayContains, asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { memberships, workspaces } from "@/db/schema";
import { AppError, fieldError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";

/** The catalogue, locked for a change after the actor's role is checked (members first, then the workspace row). */
async function lockCatalogue(tx: Database, input: { workspaceId: string; actorId: string }): Promise<string[]> {
  await assertActorRole(tx, input, "manager");
  const [row] = await tx.select({ skills: workspaces.skills }).from(workspaces).where(eq(workspaces.id, input.workspaceId)).for("update");
  if (!row) throw new AppError("NOT_FOUND", "This workspace no longer exists.");
  return row.skills;
}

const MAX_SKILLS = 100;

/** Adds a skill tasks may require and members may have. Managers and admins. */
export async function addSkill(db: Database, input: { workspaceId: string; actorId: string; skill: string }): Promise<{ skills: string[] }> {
  return transactionWithRetry(db, async (tx) => {
    const before = await lockCatalogue(tx, input);
    if (before.includes(input.skill)) throw fieldError("skill", `“${input.skill}” is already one of this workspace's skills.`, "CONFLICT");
    if (before.length >= MAX_SKILLS) throw fieldError("skill", `A workspace can have at most ${MAX_SKILLS} skills. Remove one you no longer use first.`);
    const skills = [...before, input.skill];
    await tx.update(workspaces).set({ skills }).where(eq(workspaces.id, input.workspaceId));
    await recordAudit(tx, { workspaceId: input.workspaceId, actorId: input.actorId, entityType: "workspace_settings", entityId: input.workspaceId, action: "skill_added", before: { skills: before }, after: { skills } });
    return { skills };
  });
}

/**
 * Takes a skill out of the catalogue and off every member who had it, so nobody
 * is picked for it any more. Tasks that require it keep the requirement (it is
 * part of what they ask for); auto-assignment then says that no one has it.
 */
export async function removeSkill(db: Database, input: { workspaceId: string; actorId: string; skill: string }): Promise<{ skills: string[]; membersChanged: number }> {
  return transactionWithRetry(db, async (tx) => {
    const before = await lockCatalogue(tx, input);
    if (!before.includes(input.skill)) throw new AppError("NOT_FOUND", `“${input.skill}” is not one of this workspace's skills. It may have been removed already.`);
    const skills = before.filter((skill) => skill !== input.skill);
    await tx.update(workspaces).set({ skills }).where(eq(workspaces.id, input.workspaceId));
    // Locked in user id order first, the order every service takes memberships in.
    const holders = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, input.workspaceId), arrayContains(memberships.skills, [input.skill])))
      .orderBy(asc(memberships.userId))
      .for("update");
    if (holders.length > 0) {
      await tx
        .update(memberships)
        .set({ skills: sql`array_remove(${memberships.skills}, ${input.skill})` })
        .where(and(eq(memberships.workspaceId, input.workspaceId), arrayContains(memberships.skills, [input.skill])));
    }
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actorId: input.actorId,
      entityType: "workspace_settings",
      entityId: input.workspaceId,
      action: "skill_removed",
      before: { skills: before },
      after: { skills, removedFromMembers: holders.map((holder) => holder.userId) },
    });
    return { skills, membersChanged: holders.length };
  });
}
