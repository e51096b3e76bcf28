import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { auditLog, contentItems, milestones, taskComments, taskDependencies, tasks, users } from "@/db/schema";
import { AppError } from "@/server/errors";
import { selectCards, toCard } from "./task-card";

/** Everything the task page shows: its fields, what it waits on and what waits on it, comments (with mentioned names) and history. */
export async function getTask(db: Database, input: { workspaceId: string; taskId: string }) {
  const { workspaceId, taskId } = input;
  const [row] = await selectCards(db)
    .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.id, taskId)))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND", "That task does not exist in this workspace.");
  const [details] = await db
    .select({
      description: tasks.description,
      milestoneId: tasks.milestoneId,
      milestoneName: milestones.name,
      contentItemId: tasks.contentItemId,
      contentItemTitle: contentItems.title,
      completedAt: tasks.completedAt,
      createdAt: tasks.createdAt,
    })
    .from(tasks)
    .leftJoin(milestones, eq(milestones.id, tasks.milestoneId))
    .leftJoin(contentItems, eq(contentItems.id, tasks.contentItemId))
    .where(eq(tasks.id, taskId));
  const linked = { id: tasks.id, title: tasks.title, status: tasks.status, dueAt: tasks.dueAt };
  const [dependsOn, dependents, comments, history] = await Promise.all([
    db
      .select(linked)
      .from(taskDependencies)
      .innerJoin(tasks, eq(tasks.id, taskDependencies.dependsOnId))
      .where(and(eq(taskDependencies.workspaceId, workspaceId), eq(taskDependencies.taskId, taskId)))
      .orderBy(asc(tasks.createdAt)),
    db
      .select(linked)
      .from(taskDependencies)
      .innerJoin(tasks, eq(tasks.id, taskDependencies.taskId))
      .where(and(eq(taskDependencies.workspaceId, workspaceId), eq(taskDependencies.dependsOnId, taskId)))
      .orderBy(asc(tasks.createdAt)),
    db
      .select({ id: taskComments.id, body: taskComments.body, mentionedIds: taskComments.mentionedIds, createdAt: taskComments.createdAt, authorId: taskComments.authorId, authorName: users.name })
      .from(taskComments)
      .leftJoin(users, eq(users.id, taskComments.authorId))
      .where(and(eq(taskComments.workspaceId, workspaceId), eq(taskComments.taskId, taskId)))
      .orderBy(asc(taskComments.createdAt)),
    db
      .select({ id: auditLog.id, action: auditLog.action, before: auditLog.before, after: auditLog.after, createdAt: auditLog.createdAt, actorName: users.name })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.entityType, "task"), eq(auditLog.entityId, taskId)))
      .orderBy(desc(auditLog.id))
      .limit(100),
  ]);
  const mentionIds = [...new Set(comments.flatMap((comment) => comment.mentionedIds))];
  const mentioned = mentionIds.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, mentionIds)) : [];
  return {
    ...toCard(row),
    ...details!,
    dependsOn,
    dependents,
    comments,
    /** Names of the people comments mention, by id, to show `@[id]` as "@Priya Shah". */
    mentionNames: Object.fromEntries(mentioned.map((user) => [user.id, user.name])),
    history,
  };
}
