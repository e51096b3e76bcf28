// The board's and the list's filters as one WHERE clause, always inside the
// caller's workspace. "Today" and "this week" are the viewer's (Monday-first weeks).
import { TZDate } from "@date-fns/tz";
import { addDays, startOfDay, startOfWeek } from "date-fns";
import { and, arrayContains, eq, gte, ilike, lt, ne, type SQL } from "drizzle-orm";
import { tasks } from "@/db/schema";
import type { TaskFilters } from "./task.schema";

export interface FilterScope {
  workspaceId: string;
  actorId: string;
  /** The workspace's zone, for a viewer who names none. */
  workspaceTimeZone: string;
  now?: Date;
}

/** The instants a due filter covers, in `timeZone`. */
export function dueWindow(due: NonNullable<TaskFilters["due"]>, timeZone: string, now: Date): { from?: Date; to: Date } {
  const local = new TZDate(now.getTime(), timeZone);
  const today = startOfDay(local);
  if (due === "today") return { from: new Date(today.getTime()), to: new Date(addDays(today, 1).getTime()) };
  if (due === "week") {
    const monday = startOfWeek(local, { weekStartsOn: 1 });
    return { from: new Date(monday.getTime()), to: new Date(addDays(monday, 7).getTime()) };
  }
  return { to: now };
}

/** Escapes LIKE's wildcards, so "50%" searches for "50%". */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function taskFilterWhere(filters: TaskFilters, scope: FilterScope): SQL {
  const now = scope.now ?? new Date();
  const conditions: (SQL | undefined)[] = [eq(tasks.workspaceId, scope.workspaceId)];
  if (filters.campaignId) conditions.push(eq(tasks.campaignId, filters.campaignId));
  if (filters.mine) conditions.push(eq(tasks.assigneeId, scope.actorId));
  else if (filters.assigneeId) conditions.push(eq(tasks.assigneeId, filters.assigneeId));
  if (filters.priority) conditions.push(eq(tasks.priority, filters.priority));
  if (filters.skill) conditions.push(arrayContains(tasks.requiredSkills, [filters.skill]));
  if (filters.search) conditions.push(ilike(tasks.title, `%${literal(filters.search)}%`));
  if (filters.due) {
    const window = dueWindow(filters.due, filters.timeZone ?? scope.workspaceTimeZone, now);
    if (window.from) conditions.push(gte(tasks.dueAt, window.from));
    conditions.push(lt(tasks.dueAt, window.to));
    // Finished work is not overdue.
    if (filters.due === "overdue") conditions.push(ne(tasks.status, "done"));
  }
  return and(...conditions)!;
}
