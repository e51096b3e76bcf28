// The daily "today's work" email: the member's open tasks due on their day,
// overdue or blocked, and the open tasks of others that wait on theirs. Read at
// sending time, so it tells what holds now; null when there is nothing to say.
import { addDays, format, parseISO } from "date-fns";
import { and, asc, eq, isNotNull, lt, ne, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db";
import { taskDependencies, tasks, users } from "@/db/schema";
import { appUrl } from "@/server/env";
import { formatDateTime, formatDay, formatTime } from "../date-time";
import { instantAt } from "../date-time/wall-clock";
import type { DigestRecipient } from "./digest-recipient";
import { type DigestSection, digestText } from "./digest-text";

/** The day after a plain day: "2026-11-30" -> "2026-12-01". */
export const nextDay = (day: string) => format(addDays(parseISO(day), 1), "yyyy-MM-dd");

export async function composeDailyDigest(tx: Database, recipient: DigestRecipient, input: { workspaceId: string; day: string }) {
  const { viewer } = recipient;
  const dayStart = instantAt(input.day, 0, viewer.timeZone);
  const dayEnd = instantAt(nextDay(input.day), 0, viewer.timeZone);
  const mine = await tx
    .select({ id: tasks.id, title: tasks.title, status: tasks.status, dueAt: tasks.dueAt, blockedReason: tasks.blockedReason })
    .from(tasks)
    .where(
      and(
        eq(tasks.workspaceId, input.workspaceId),
        eq(tasks.assigneeId, recipient.userId),
        ne(tasks.status, "done"),
        or(lt(tasks.dueAt, dayEnd), eq(tasks.status, "blocked")),
      ),
    )
    .orderBy(asc(tasks.dueAt), asc(tasks.id));

  const mineToo = alias(tasks, "mine");
  const waiting = await tx
    .select({ id: tasks.id, title: tasks.title, assignee: users.name, waitsOn: mineToo.title })
    .from(taskDependencies)
    .innerJoin(mineToo, eq(mineToo.id, taskDependencies.dependsOnId))
    .innerJoin(tasks, eq(tasks.id, taskDependencies.taskId))
    .innerJoin(users, eq(users.id, tasks.assigneeId))
    .where(
      and(
        eq(taskDependencies.workspaceId, input.workspaceId),
        eq(mineToo.workspaceId, input.workspaceId),
        eq(mineToo.assigneeId, recipient.userId),
        ne(mineToo.status, "done"),
        eq(tasks.workspaceId, input.workspaceId),
        ne(tasks.status, "done"),
        isNotNull(tasks.assigneeId),
        ne(tasks.assigneeId, recipient.userId),
      ),
    )
    .orderBy(asc(tasks.dueAt), asc(tasks.id), asc(mineToo.title));

  const base = appUrl();
  const link = (id: string) => `${base}/tasks/${id}`;
  // A blocked task is listed once, under Blocked, with its reason.
  const blocked = mine.filter((task) => task.status === "blocked");
  const unblocked = mine.filter((task) => task.status !== "blocked");
  const dueToday = unblocked.filter((task) => task.dueAt && task.dueAt >= dayStart && task.dueAt < dayEnd);
  const overdue = unblocked.filter((task) => task.dueAt && task.dueAt < dayStart);
  // One line per waiting task, naming every task of the member's it waits on.
  const waitingByTask = new Map<string, { title: string; assignee: string; waitsOn: string[] }>();
  for (const row of waiting) {
    const entry = waitingByTask.get(row.id) ?? { title: row.title, assignee: row.assignee, waitsOn: [] };
    entry.waitsOn.push(`“${row.waitsOn}”`);
    waitingByTask.set(row.id, entry);
  }

  const sections: DigestSection[] = [
    { heading: "Due today", items: dueToday.map((task) => ({ line: `${task.title}, due ${formatTime(viewer, task.dueAt!)}`, link: link(task.id) })) },
    { heading: "Overdue", items: overdue.map((task) => ({ line: `${task.title}, was due ${formatDateTime(viewer, task.dueAt!)}`, link: link(task.id) })) },
    {
      heading: "Blocked",
      items: blocked.map((task) => ({ line: task.blockedReason ? `${task.title}: ${task.blockedReason}` : task.title, link: link(task.id) })),
    },
    {
      heading: "Waiting on you",
      items: [...waitingByTask].map(([id, task]) => ({ line: `${task.title} (${task.assignee}) waits on your ${task.waitsOn.join(", ")}`, link: link(id) })),
    },
  ];
  const counts = [
    dueToday.length > 0 ? `${dueToday.length} due today` : null,
    overdue.length > 0 ? `${overdue.length} overdue` : null,
    blocked.length > 0 ? `${blocked.length} blocked` : null,
    waitingByTask.size > 0 ? `${waitingByTask.size} waiting on you` : null,
  ].filter(Boolean);
  if (counts.length === 0) return null;
  return {
    subject: `Today's work in ${recipient.workspaceName}: ${counts.join(", ")}`,
    text: digestText({
      greeting: `Hello ${recipient.name},`,
      intro: `Here is your work in ${recipient.workspaceName} for ${formatDay(viewer, input.day)}.`,
      blocks: [{ sections }],
      more: { label: "Your tasks", link: `${base}/tasks` },
      settings: "Change when this email comes, or turn it off",
    }),
  };
}
