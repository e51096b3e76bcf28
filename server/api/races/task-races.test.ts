// Task moves and links raced on a real PostgreSQL server (skipped on PGlite, which
// runs one transaction at a time): two people on one board at the same moment.
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, inject } from "vitest";
import { createTask, createTeam } from "@/db/factories";
import { taskDependencies, tasks } from "@/db/schema";
import { test } from "@/db/test-db";
import { callerFor } from "@/server/api/test-caller";
import { type Outcome, outcome, tally } from "./race-outcome";

const onPostgres = inject("testDatabaseTemplate").kind === "postgres";
const ROUNDS = 20;

describe.skipIf(!onPostgres)("task races on PostgreSQL", () => {
  test(`two people drop different cards into the same gap, ${ROUNDS} rounds: both moves stand, and no two cards share a place`, async ({ db }) => {
    const team = await createTeam(db);
    const [manager, marketer] = [await callerFor(db, team.manager), await callerFor(db, team.marketer)];
    const outcomes: Outcome[] = [];
    let lost = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const top = await createTask(db, { workspaceId: team.workspace.id, status: "in_progress", title: `top ${round}` });
      const x = await createTask(db, { workspaceId: team.workspace.id, title: `x ${round}` });
      const y = await createTask(db, { workspaceId: team.workspace.id, title: `y ${round}` });
      const moves = await Promise.all([
        outcome(manager.task.move({ taskId: x.id, status: "in_progress", afterTaskId: top.id })),
        outcome(marketer.task.move({ taskId: y.id, status: "in_progress", afterTaskId: top.id })),
      ]);
      outcomes.push(...moves);
      const column = await db
        .select({ id: tasks.id, position: tasks.position })
        .from(tasks)
        .where(and(eq(tasks.workspaceId, team.workspace.id), eq(tasks.status, "in_progress")))
        .orderBy(asc(tasks.position), asc(tasks.id));
      const ids = column.map((row) => row.id);
      if (!ids.includes(x.id) || !ids.includes(y.id)) lost++;
    }
    expect({ moves: tally(outcomes), lost }).toEqual({ moves: { OK: 2 * ROUNDS }, lost: 0 });
    // Each drop read the other's key: no two cards of the column share one.
    const positions = await db.select({ position: tasks.position }).from(tasks).where(and(eq(tasks.workspaceId, team.workspace.id), eq(tasks.status, "in_progress")));
    expect(new Set(positions.map((row) => row.position)).size).toBe(positions.length);
  });

  test(`two people link A and B both ways at once, ${ROUNDS} rounds: one link stands, the other is refused as a loop`, async ({ db }) => {
    const team = await createTeam(db);
    const [manager, marketer] = [await callerFor(db, team.manager), await callerFor(db, team.marketer)];
    const outcomes: Outcome[] = [];
    let loops = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const a = await createTask(db, { workspaceId: team.workspace.id, title: `A ${round}` });
      const b = await createTask(db, { workspaceId: team.workspace.id, title: `B ${round}` });
      const links = await Promise.all([
        outcome(manager.task.addDependency({ taskId: a.id, dependsOnId: b.id })),
        outcome(marketer.task.addDependency({ taskId: b.id, dependsOnId: a.id })),
      ]);
      outcomes.push(...links);
      const edges = await db.select().from(taskDependencies).where(eq(taskDependencies.workspaceId, team.workspace.id));
      if (edges.filter((edge) => [a.id, b.id].includes(edge.taskId)).length > 1) loops++;
    }
    expect({ links: tally(outcomes), loops }).toEqual({ links: { OK: ROUNDS, BAD_REQUEST: ROUNDS }, loops: 0 });
  });
});
