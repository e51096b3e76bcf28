// Two admins saving policies at the same moment, on a real PostgreSQL server
// (PGlite runs one transaction at a time, so these tests are skipped there).
import { eq, sql } from "drizzle-orm";
import { describe, expect, inject } from "vitest";
import { addMember, approvalStage, createTeam, createUser, uniqueEmail } from "@/db/factories";
import { approvalPolicies } from "@/db/schema";
import { test } from "@/db/test-db";
import { callerFor } from "@/server/api/test-caller";
import { type Outcome, outcome, tally } from "./race-outcome";

const onPostgres = inject("testDatabaseTemplate").kind === "postgres";
const ROUNDS = 20;

describe.skipIf(!onPostgres)("approval policy races on PostgreSQL", () => {
  test(`two admins make different policies the default for LinkedIn at once, ${ROUNDS} rounds: one is saved, the other is told which policy has it`, async ({ db }) => {
    const team = await createTeam(db);
    const second = await createUser(db, { email: uniqueEmail("admin"), name: "Second Admin" });
    await addMember(db, { workspaceId: team.workspace.id, userId: second.id, role: "admin" });
    const admins = [await callerFor(db, team.admin), await callerFor(db, second)];
    const outcomes: Outcome[] = [];
    let overlaps = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await db.delete(approvalPolicies).where(eq(approvalPolicies.workspaceId, team.workspace.id));
      const saved = await Promise.all(
        admins.map((admin, i) =>
          outcome(admin.approvalPolicy.save({ name: `Social ${round}.${i}`, stages: [approvalStage()], allowSelfApproval: false, requireChecks: false, campaignTypes: [], channels: ["linkedin"] })),
        ),
      );
      outcomes.push(...saved);
      const [{ count }] = (await db.execute(sql`select count(*)::int as count from approval_policies where workspace_id = ${team.workspace.id} and 'linkedin' = any(channels)`)) as unknown as [{ count: number }];
      if (count !== 1) overlaps++;
    }
    expect({ outcomes: tally(outcomes), overlaps }).toEqual({ outcomes: { OK: ROUNDS, BAD_REQUEST: ROUNDS }, overlaps: 0 });
  });
});
