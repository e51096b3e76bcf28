import { and, asc, count, eq, lt, ne, or } from "drizzle-orm";
import type { Database } from "@/db";
import { tasks } from "@/db/schema";
import { planningSettings } from "@/server/services/settings/planning-settings";
import { selectCards, toCard } from "./task-card";
import { dueWindow } from "./task-filters";

/**
 * The home page's "Today's work" for one member: their open tasks due today,
 * overdue, or blocked (soonest first); with `teamOverdue`, how many open tasks
 * of the whole workspace are overdue (for managers).
 */
export async function listTodaysWork(
  db: Database,
  input: { workspaceId: string; actorId: string; timeZone?: string; teamOverdue?: boolean; now?: Date },
) {
  const now = input.now ?? new Date();
  const timeZone = input.timeZone ?? (await planningSettings(db, input)).timeZone;
  const today = dueWindow("today", timeZone, now);
  const open = and(eq(tasks.workspaceId, input.workspaceId), ne(tasks.status, "done"));
  const [rows, team] = await Promise.all([
    selectCards(db)
      .where(and(open, eq(tasks.assigneeId, input.actorId), or(lt(tasks.dueAt, today.to), eq(tasks.status, "blocked"))))
      .orderBy(asc(tasks.dueAt), asc(tasks.id))
      .limit(100),
    input.teamOverdue ? db.select({ overdue: count() }).from(tasks).where(and(open, lt(tasks.dueAt, now))) : Promise.resolve(null),
  ]);
  const cards = rows.map(toCard);
  const isOverdue = (card: (typeof cards)[number]) => !!card.dueAt && card.dueAt < now;
  return {
    overdue: cards.filter(isOverdue),
    dueToday: cards.filter((card) => !isOverdue(card) && !!card.dueAt && card.dueAt >= today.from! && card.dueAt < today.to),
    blocked: cards.filter((card) => card.status === "blocked" && !isOverdue(card) && !(card.dueAt && card.dueAt < today.to)),
    teamOverdue: team?.[0]?.overdue ?? null,
  };
}
