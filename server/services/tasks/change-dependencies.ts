import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { taskDependencies, tasks } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { publishChange } from "@/server/realtime/publish-change";
import { findTask } from "./find-task";
import type { DependencyInput } from "./task.schema";
import { addDependencies } from "./task-dependencies";
import { dueWarnings } from "./task-due";

type Scoped = DependencyInput & { workspaceId: string; actorId: string };

/** Makes a task wait on another of the workspace; refuses itself, strangers and loops. */
export async function addDependency(db: Database, input: Scoped) {
  const { workspaceId, actorId, taskId, dependsOnId } = input;
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    // Both rows locked in id order, so two people linking the same pair both ways at once can't each miss the other's half of the loop.
    const [first, second] = [taskId, dependsOnId].sort();
    const locked = [await findTask(tx, { workspaceId, taskId: first! }, { forUpdate: true }).catch(notFound(first === taskId))];
    if (second !== first) locked.push(await findTask(tx, { workspaceId, taskId: second! }, { forUpdate: true }).catch(notFound(second === taskId)));
    const task = locked.find((t) => t.id === taskId)!;
    const dependency = locked.find((t) => t.id === dependsOnId)!;
    await addDependencies(tx, { workspaceId, taskId, title: task.title, dependsOnIds: [dependsOnId] });
    await recordAudit(tx, {
      workspaceId,
      actorId,
      entityType: "task",
      entityId: taskId,
      campaignId: task.campaignId,
      action: "dependency_added",
      after: { title: task.title, dependsOnId, dependsOnTitle: dependency.title },
    });
    await publishChange(tx, { workspaceId, topic: "tasks", ids: [taskId], actorId });
    return { warnings: await dueWarnings(tx, { workspaceId, taskId, dueAt: task.dueAt }) };
  });
}

/** Stops a task waiting on another. */
export async function removeDependency(db: Database, input: Scoped) {
  const { workspaceId, actorId, taskId, dependsOnId } = input;
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    const task = await findTask(tx, { workspaceId, taskId }, { forUpdate: true });
    const [dependency] = await tx.select({ title: tasks.title }).from(tasks).where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.id, dependsOnId)));
    const removed = await tx
      .delete(taskDependencies)
      .where(and(eq(taskDependencies.workspaceId, workspaceId), eq(taskDependencies.taskId, taskId), eq(taskDependencies.dependsOnId, dependsOnId)))
      .returning();
    if (removed.length === 0) throw new AppError("NOT_FOUND", "That task does not wait on the other one.");
    await recordAudit(tx, { workspaceId, actorId, entityType: "task", entityId: taskId, campaignId: task.campaignId, action: "dependency_removed", before: { title: task.title, dependsOnId, dependsOnTitle: dependency?.title ?? null } });
    await publishChange(tx, { workspaceId, topic: "tasks", ids: [taskId], actorId });
    return { taskId };
  });
}

/** A missing dependency is a field error on the picker; a missing task is NOT_FOUND. */
function notFound(isTask: boolean) {
  return (error: unknown) => {
    if (isTask || !(error instanceof AppError) || error.code !== "NOT_FOUND") throw error;
    throw new AppError("BAD_REQUEST", "A task can only depend on tasks of this workspace.", { fieldErrors: { dependsOnId: ["That task does not exist in this workspace."] } });
  };
}
