// What a card shows, read in one statement per page of cards: the task, its
// assignee's and campaign's names, and the dependencies still open ("blocked by").
import { eq, getTableColumns, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db";
import { campaigns, type TaskPriority, type TaskStatus, tasks, users } from "@/db/schema";

const assignee = alias(users, "assignee");

export interface TaskCard {
  id: string;
  title: string;
  status: TaskStatus;
  priority: TaskPriority;
  position: string;
  dueAt: Date | null;
  estimateHours: number | null;
  requiredSkills: string[];
  blockedReason: string | null;
  assignmentReason: string | null;
  campaignId: string | null;
  campaignName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  /** Open dependencies: the card says "blocked by" them. */
  blockedBy: { id: string; title: string }[];
  commentCount: number;
  updatedAt: Date;
}

const { id, title, status, priority, position, dueAt, estimateHours, requiredSkills, blockedReason, assignmentReason, campaignId, assigneeId, updatedAt } =
  getTableColumns(tasks);

export const cardColumns = {
  id,
  title,
  status,
  priority,
  position,
  dueAt,
  estimateHours,
  requiredSkills,
  blockedReason,
  assignmentReason,
  campaignId,
  campaignName: campaigns.name,
  assigneeId,
  assigneeName: assignee.name,
  blockedBy: sql<{ id: string; title: string }[]>`(
    select coalesce(json_agg(json_build_object('id', d.id, 'title', d.title) order by d.created_at), '[]'::json)
    from task_dependencies td join tasks d on d.id = td.depends_on_id
    where td.task_id = ${tasks.id} and d.status <> 'done')`.as("blocked_by"),
  commentCount: sql<number>`(select count(*)::int from task_comments c where c.task_id = ${tasks.id})`.as("comment_count"),
  updatedAt,
};

/** The select every card read starts from; add a WHERE, an ORDER BY and a LIMIT. */
export function selectCards(tx: Database) {
  return tx
    .select(cardColumns)
    .from(tasks)
    .leftJoin(campaigns, eq(campaigns.id, tasks.campaignId))
    .leftJoin(assignee, eq(assignee.id, tasks.assigneeId));
}

/**
 * The same card, for statements written by hand (the board's one-statement read):
 * the select list with the names `TaskCard` uses, and the joins it needs.
 */
export const cardSelectSql = sql`tasks.id, tasks.title, tasks.status, tasks.priority, tasks.position, tasks.due_at as "dueAt",
  tasks.estimate_hours as "estimateHours", tasks.required_skills as "requiredSkills", tasks.blocked_reason as "blockedReason",
  tasks.assignment_reason as "assignmentReason", tasks.campaign_id as "campaignId", campaigns.name as "campaignName",
  tasks.assignee_id as "assigneeId", assignee.name as "assigneeName",
  (select coalesce(json_agg(json_build_object('id', d.id, 'title', d.title) order by d.created_at), '[]'::json)
     from task_dependencies td join tasks d on d.id = td.depends_on_id
     where td.task_id = tasks.id and d.status <> 'done') as "blockedBy",
  (select count(*)::int from task_comments c where c.task_id = tasks.id) as "commentCount",
  tasks.updated_at as "updatedAt"`;
export const cardFromSql = sql`tasks left join campaigns on campaigns.id = tasks.campaign_id left join users assignee on assignee.id = tasks.assignee_id`;

/** Cards as the page receives them: numeric and json columns already typed by Drizzle; dates from raw unions revived. */
export function toCard(row: Record<string, unknown>): TaskCard {
  const card = row as unknown as TaskCard;
  return {
    ...card,
    dueAt: card.dueAt ? new Date(card.dueAt) : null,
    commentCount: Number(card.commentCount),
    updatedAt: new Date(card.updatedAt),
    estimateHours: card.estimateHours === null ? null : Number(card.estimateHours),
    blockedBy: typeof card.blockedBy === "string" ? JSON.parse(card.blockedBy) : card.blockedBy,
  };
}
