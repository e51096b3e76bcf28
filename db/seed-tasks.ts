// The demo team's profiles and the state of its work: skills, capacities and
// working days, one person away next week, and the tasks the campaigns got from
// their templates handed out by skill, the older ones done, a few overdue, one
// in progress per campaign, and one blocked. Written in a few statements (the
// seed runs before every browser test run), straight into the tables: the
// tasks themselves were made by the same generation people's campaigns use.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { generateNKeysBetween } from "fractional-indexing";
import type { Database } from "./client";
import { dayFromToday } from "./factories";
import { eventOutbox, memberships, type TaskStatus, taskDependencies, tasks, timeOff } from "./schema";
import { enqueueReminderChanges } from "@/server/services/reminders/task-reminder-events";

export interface DemoProfile {
  skills: string[];
  weeklyCapacityHours: number;
  workingDays: number[];
}

/** By email; people not named keep the defaults (no skills, 40 h, Monday to Friday). */
export const demoProfiles: Record<string, DemoProfile> = {
  "priya@demo.test": { skills: ["copywriting", "design"], weeklyCapacityHours: 32, workingDays: [1, 2, 3, 4, 5] },
  "marketer@demo.test": { skills: ["copywriting", "social", "seo"], weeklyCapacityHours: 40, workingDays: [1, 2, 3, 4, 5] },
  "tom@demo.test": { skills: ["email", "analytics", "events"], weeklyCapacityHours: 40, workingDays: [1, 2, 3, 4, 5] },
  "chris@demo.test": { skills: ["design", "video", "social"], weeklyCapacityHours: 24, workingDays: [1, 2, 3] },
  "lena@demo.test": { skills: ["events", "video", "analytics"], weeklyCapacityHours: 30, workingDays: [1, 2, 3, 4, 5] },
  "manager@demo.test": { skills: ["analytics", "copywriting", "email"], weeklyCapacityHours: 20, workingDays: [1, 2, 3, 4, 5] },
};

/** Who is away: Tom Becker, from the end of this week to the end of next. */
const AWAY = { email: "tom@demo.test", from: 4, to: 11, note: "Family holiday" };

const BLOCKED = { title: "Produce the demo video", reason: "Waiting for the final 3.0 build from engineering" };

export async function seedDemoTasks(db: Database, input: { workspaceId: string; people: Map<string, { id: string }> }) {
  const idOf = (email: string) => input.people.get(email)!.id;
  await db.execute(sql`update ${memberships} set
      skills = v.skills::text[], weekly_capacity_hours = v.capacity::int, working_days = v.days::smallint[]
    from (values ${sql.join(
      Object.entries(demoProfiles).map(([email, p]) => sql`(${idOf(email)}, ${`{${p.skills.join(",")}}`}, ${p.weeklyCapacityHours}, ${`{${p.workingDays.join(",")}}`})`),
      sql`, `,
    )}) as v(user_id, skills, capacity, days)
    where ${memberships.workspaceId} = ${input.workspaceId} and ${memberships.userId} = v.user_id::uuid`);
  await db.insert(timeOff).values({ workspaceId: input.workspaceId, userId: idOf(AWAY.email), startDate: dayFromToday(AWAY.from), endDate: dayFromToday(AWAY.to), note: AWAY.note });

  const all = await db
    .select({ id: tasks.id, title: tasks.title, campaignId: tasks.campaignId, dueAt: tasks.dueAt, requiredSkills: tasks.requiredSkills, position: tasks.position })
    .from(tasks)
    .where(eq(tasks.workspaceId, input.workspaceId))
    .orderBy(tasks.dueAt, tasks.position);
  const edges = all.length === 0 ? [] : await db.select().from(taskDependencies).where(and(eq(taskDependencies.workspaceId, input.workspaceId), inArray(taskDependencies.taskId, all.map((t) => t.id))));
  const waitsOn = new Map(all.map((task) => [task.id, edges.filter((e) => e.taskId === task.id).map((e) => e.dependsOnId)]));

  // Each task to the person with its first skill who has had the fewest so far.
  const load = new Map(Object.keys(demoProfiles).map((email) => [email, 0]));
  const assignee = (skills: string[]) => {
    const fit = Object.entries(demoProfiles).filter(([, p]) => skills.every((s) => p.skills.includes(s)));
    const pool = fit.length > 0 ? fit : Object.entries(demoProfiles).filter(([, p]) => p.skills.includes(skills[0] ?? ""));
    if (pool.length === 0) return null;
    const [email] = pool.reduce((best, next) => (load.get(next[0])! < load.get(best[0])! ? next : best));
    load.set(email, load.get(email)! + 1);
    return idOf(email);
  };

  // Work due more than two days ago is done (when what it waits on is); due in the last two days, overdue; the
  // first open task of each campaign whose dependencies are done is under way.
  const now = Date.now();
  const status = new Map<string, TaskStatus>();
  const started = new Set<string | null>();
  for (const task of all) {
    const ready = waitsOn.get(task.id)!.every((dep) => status.get(dep) === "done");
    const due = task.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
    if (task.title === BLOCKED.title) status.set(task.id, "blocked");
    else if (ready && due < now - 2 * 86_400_000) status.set(task.id, "done");
    else if (ready && !started.has(task.campaignId) && due >= now) {
      status.set(task.id, "in_progress");
      started.add(task.campaignId);
    } else status.set(task.id, "todo");
  }

  // Cards that left "To do" get keys in their new column, in the order they had.
  const position = new Map(all.map((task) => [task.id, task.position]));
  for (const column of ["in_progress", "blocked", "done"] as const) {
    const moved = all.filter((task) => status.get(task.id) === column);
    const keys = generateNKeysBetween(null, null, moved.length);
    moved.forEach((task, i) => position.set(task.id, keys[i]!));
  }

  if (all.length === 0) return;
  const rows = all.map((task) => {
    const s = status.get(task.id)!;
    return sql`(${task.id}, ${assignee(task.requiredSkills)}, ${s}, ${s === "blocked" ? BLOCKED.reason : null}, ${position.get(task.id)!}, ${s === "done" ? (task.dueAt?.toISOString() ?? null) : null})`;
  });
  await db.execute(sql`update ${tasks} set
      assignee_id = v.assignee::uuid, status = v.status::task_status, blocked_reason = v.reason, position = v.position,
      completed_at = v.completed::timestamptz
    from (values ${sql.join(rows, sql`, `)}) as v(id, assignee, status, reason, position, completed)
    where ${tasks.workspaceId} = ${input.workspaceId} and ${tasks.id} = v.id::uuid`);
  // The plans were generated unassigned and open, and wrote reminder events for that; before anything
  // delivers them they are replaced by events for the tasks as the seed leaves them (none for what is done).
  const seeded = await db.select().from(tasks).where(eq(tasks.workspaceId, input.workspaceId));
  await db.transaction(async (tx) => {
    await tx
      .delete(eventOutbox)
      .where(and(isNull(eventOutbox.deliveredAt), eq(eventOutbox.name, "task/due.scheduled"), sql`${eventOutbox.data}->>'workspaceId' = ${input.workspaceId}`));
    await enqueueReminderChanges(tx, seeded.map((task) => ({ before: null, after: task })));
  });
}
