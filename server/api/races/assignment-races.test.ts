// Two "Assign automatically" runs on one campaign at once, on a real PostgreSQL
// server (PGlite runs one transaction at a time, so it cannot race). The runs
// lock the campaign's unassigned tasks in id order: the second waits, then finds
// them taken, so no task is given twice or keeps a reason that is not its own.
import { and, eq } from "drizzle-orm";
import { describe, expect, inject } from "vitest";
import { addMember, createCampaign, createTask, createTeam, createUser } from "@/db/factories";
import { auditLog, memberships, tasks } from "@/db/schema";
import { test } from "@/db/test-db";
import { callerFor } from "@/server/api/test-caller";

const onPostgres = inject("testDatabaseTemplate").kind === "postgres";
const ROUNDS = 5;

describe.skipIf(!onPostgres)("auto-assignment races on PostgreSQL", () => {
  test(`two campaign runs at once, ${ROUNDS} rounds: every task assigned once, with the reason of the run that assigned it`, async ({ db }) => {
    const team = await createTeam(db);
    for (const name of ["Ana", "Ben", "Cy"]) {
      const user = await createUser(db, { name });
      await addMember(db, { workspaceId: team.workspace.id, userId: user.id, role: "marketer" });
      await db.update(memberships).set({ skills: ["copywriting"] }).where(and(eq(memberships.workspaceId, team.workspace.id), eq(memberships.userId, user.id)));
    }
    const [marketer, manager] = [await callerFor(db, team.marketer), await callerFor(db, team.manager)];
    for (let round = 0; round < ROUNDS; round++) {
      const campaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.marketer.id });
      for (let i = 0; i < 12; i++) {
        await createTask(db, { workspaceId: team.workspace.id, campaignId: campaign.id, requiredSkills: ["copywriting"], estimateHours: 1 });
      }
      const runs = await Promise.all([
        marketer.assignment.assignCampaign({ campaignId: campaign.id }),
        manager.assignment.assignCampaign({ campaignId: campaign.id }),
      ]);
      const given = runs.flatMap((run) => run.assigned);
      const stored = await db.select({ id: tasks.id, assigneeId: tasks.assigneeId, reason: tasks.assignmentReason }).from(tasks).where(eq(tasks.campaignId, campaign.id));
      expect(given).toHaveLength(12);
      expect(new Set(given.map((task) => task.taskId)).size).toBe(12);
      for (const row of stored) {
        const pick = given.find((task) => task.taskId === row.id)!;
        expect(row).toEqual({ id: row.id, assigneeId: pick.assigneeId, reason: pick.reason });
      }
      const entries = await db.select({ entityId: auditLog.entityId }).from(auditLog).where(and(eq(auditLog.campaignId, campaign.id), eq(auditLog.action, "assigned_automatically")));
      expect(entries).toHaveLength(12);
    }
  });
});
