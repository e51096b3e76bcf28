// What the board tells people, written inside the transaction of the change that
// causes it: who got a task, who was mentioned, and who can start now that what
// they waited on is done. Each dedupe key names its cause, so the same cause
// never notifies twice.
import { and, eq, ne, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { taskDependencies, tasks, users } from "@/db/schema";
import { notifyMany } from "@/server/services/notifications/notify";
import { quoted } from "./find-task";

type Scope = { workspaceId: string; actorId: string };
type TaskRef = { id: string; title: string; campaignId: string | null };

export const taskLink = (taskId: string) => `/tasks/${taskId}`;

async function nameOf(tx: Database, userId: string): Promise<string> {
  const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return user?.name ?? "Someone";
}

/**
 * Tells each new assignee (not the actor assigning themself). `at` is when the
 * assignment was written, so assigning the same person again later is news again.
 */
export async function notifyAssigned(tx: Database, scope: Scope, assignments: { task: TaskRef; assigneeId: string; at: Date; automatic?: boolean }[]) {
  if (assignments.length === 0) return;
  const actor = await nameOf(tx, scope.actorId);
  await notifyMany(
    tx,
    assignments.map(({ task, assigneeId, at, automatic }) => ({
      workspaceId: scope.workspaceId,
      userId: assigneeId,
      kind: "assigned" as const,
      actorId: scope.actorId,
      taskId: task.id,
      campaignId: task.campaignId,
      title: automatic ? `${quoted(task.title)} was assigned to you automatically by ${actor}` : `${actor} assigned you ${quoted(task.title)}`,
      link: taskLink(task.id),
      dedupeKey: `assigned:${task.id}:${assigneeId}:${at.toISOString()}`,
    })),
  );
}

/** Tells each member a comment mentions (the author mentioning themself is no news). */
export async function notifyMentioned(tx: Database, scope: Scope, input: { task: TaskRef; commentId: string; mentionedIds: string[] }) {
  if (input.mentionedIds.length === 0) return;
  const actor = await nameOf(tx, scope.actorId);
  await notifyMany(
    tx,
    input.mentionedIds.map((userId) => ({
      workspaceId: scope.workspaceId,
      userId,
      kind: "mentioned" as const,
      actorId: scope.actorId,
      taskId: input.task.id,
      campaignId: input.task.campaignId,
      title: `${actor} mentioned you on ${quoted(input.task.title)}`,
      link: taskLink(input.task.id),
      dedupeKey: `mentioned:${input.commentId}:${userId}`,
    })),
  );
}

/**
 * `done` was just finished: the assignee of each open task that waited on it,
 * and now waits on nothing unfinished, can start. One read finds them.
 */
export async function notifyDependentsReady(tx: Database, scope: Scope, done: TaskRef & { completedAt: Date }) {
  const ready = await tx
    .select({ id: tasks.id, title: tasks.title, campaignId: tasks.campaignId, assigneeId: tasks.assigneeId })
    .from(taskDependencies)
    .innerJoin(tasks, eq(tasks.id, taskDependencies.taskId))
    .where(
      and(
        eq(taskDependencies.workspaceId, scope.workspaceId),
        eq(taskDependencies.dependsOnId, done.id),
        ne(tasks.status, "done"),
        sql`${tasks.assigneeId} is not null`,
        sql`not exists (
          select 1 from ${taskDependencies} other join ${tasks} before on before.id = other.depends_on_id
          where other.task_id = ${tasks.id} and other.workspace_id = ${scope.workspaceId} and before.status <> 'done')`,
      ),
    );
  await notifyMany(
    tx,
    ready.map((task) => ({
      workspaceId: scope.workspaceId,
      userId: task.assigneeId!,
      kind: "dependency_done" as const,
      actorId: scope.actorId,
      taskId: task.id,
      campaignId: task.campaignId,
      title: `You can start ${quoted(task.title)}: ${quoted(done.title)} is done`,
      link: taskLink(task.id),
      dedupeKey: `dependency_done:${task.id}:${done.id}:${done.completedAt.toISOString()}`,
    })),
  );
}
