import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { memberships, taskComments } from "@/db/schema";
import { fieldError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { publishChange } from "@/server/realtime/publish-change";
import { findTask } from "./find-task";
import { mentionedIds } from "./mentions";
import { notifyMentioned } from "./task-notifications";
import type { CommentInput } from "./task.schema";

/** Adds a comment; every mention must name a member of the workspace. */
export async function commentOnTask(db: Database, input: CommentInput & { workspaceId: string; actorId: string }) {
  const { workspaceId, actorId, taskId, body } = input;
  const mentioned = mentionedIds(body);
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "marketer");
    const task = await findTask(tx, { workspaceId, taskId });
    if (mentioned.length) {
      const members = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, mentioned)));
      if (members.length !== mentioned.length) throw fieldError("body", "You can only mention members of this workspace.");
    }
    const [comment] = await tx.insert(taskComments).values({ workspaceId, taskId, authorId: actorId, body, mentionedIds: mentioned }).returning();
    await recordAudit(tx, { workspaceId, actorId, entityType: "task", entityId: taskId, campaignId: task.campaignId, action: "commented", after: { commentId: comment!.id, title: task.title } });
    await publishChange(tx, { workspaceId, topic: "tasks", ids: [taskId], actorId });
    await notifyMentioned(tx, input, { task, commentId: comment!.id, mentionedIds: mentioned });
    return comment!;
  });
}
