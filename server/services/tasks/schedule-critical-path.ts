// The critical path of a campaign, as a pure function of its tasks, their
// dependencies, people's calendars and now: every open task is scheduled as
// early as it can go (after now, after what it waits on) in its assignee's
// working hours; the tasks that the launch waits on are the ones due by the
// launch (or undated) and everything they wait on; the longest chain among them
// decides whether the launch holds. Latest finishes come back from the launch
// the same way, and a task's slack is what lies between its two finishes.
import { addWorkingHours, subtractWorkingHours, type WorkCalendar, workingHoursBetween } from "./working-calendar";

export interface PathTask {
  id: string;
  title: string;
  done: boolean;
  estimateHours: number | null;
  assigneeId: string | null;
  dueAt: Date | null;
}

export interface ScheduledTask {
  id: string;
  earliestStart: Date;
  earliestFinish: Date;
  latestFinish: Date;
  /** Working hours (the task's own calendar) it can slip without moving the launch; negative: it already makes the launch late. */
  slackHours: number;
}

export interface CriticalPathSchedule {
  /** The launch's tasks by id (done tasks, tasks due after the launch and tasks in a circle left out). */
  scheduled: Map<string, ScheduledTask>;
  /** The longest chain to the launch, first task first. */
  chain: string[];
  /** When the last of the launch's tasks finishes; null when none is open. */
  lastFinish: Date | null;
  holds: boolean;
  /** Tasks that wait on each other in a circle (which the task services refuse): not scheduled, named here. */
  inCircle: string[];
}

export function scheduleCriticalPath(input: {
  tasks: PathTask[];
  dependencies: { taskId: string; dependsOnId: string }[];
  /** The calendar of each assignee; unassigned tasks (and anyone missing) use `defaultCalendar`. */
  calendars: Map<string, WorkCalendar>;
  defaultCalendar: WorkCalendar;
  launchAt: Date;
  now: Date;
}): CriticalPathSchedule {
  const open = new Map(input.tasks.filter((task) => !task.done).map((task) => [task.id, task]));
  // Done tasks are finished: nothing waits on them any more.
  const edges = input.dependencies.filter((edge) => open.has(edge.taskId) && open.has(edge.dependsOnId) && edge.taskId !== edge.dependsOnId);
  const before = new Map<string, string[]>([...open.keys()].map((id) => [id, []]));
  const after = new Map<string, string[]>([...open.keys()].map((id) => [id, []]));
  for (const edge of edges) {
    before.get(edge.taskId)!.push(edge.dependsOnId);
    after.get(edge.dependsOnId)!.push(edge.taskId);
  }

  // Kahn's order; whatever is left waits on a circle.
  const order: string[] = [];
  const waiting = new Map([...before].map(([id, list]) => [id, list.length]));
  const ready = [...open.keys()].filter((id) => waiting.get(id) === 0);
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const next of after.get(id)!) {
      waiting.set(next, waiting.get(next)! - 1);
      if (waiting.get(next) === 0) ready.push(next);
    }
  }
  const ordered = new Set(order);
  const inCircle = [...open.keys()].filter((id) => !ordered.has(id));

  // The launch waits on what is due by it (or has no due date), and on everything that waits on.
  const launch = input.launchAt.getTime();
  const forLaunch = new Set<string>();
  const mark = (id: string) => {
    if (forLaunch.has(id) || !ordered.has(id)) return;
    forLaunch.add(id);
    for (const dep of before.get(id)!) mark(dep);
  };
  for (const id of order) {
    const due = open.get(id)!.dueAt;
    if (!due || due.getTime() <= launch) mark(id);
  }
  const launchOrder = order.filter((id) => forLaunch.has(id));

  const calendarOf = (task: PathTask) => (task.assigneeId && input.calendars.get(task.assigneeId)) || input.defaultCalendar;
  const hoursOf = (task: PathTask) => task.estimateHours ?? 0;

  const earliestStart = new Map<string, number>();
  const earliestFinish = new Map<string, number>();
  for (const id of launchOrder) {
    const task = open.get(id)!;
    const start = Math.max(input.now.getTime(), ...before.get(id)!.map((dep) => earliestFinish.get(dep)!));
    earliestStart.set(id, start);
    earliestFinish.set(id, addWorkingHours(calendarOf(task), start, hoursOf(task)));
  }

  const latestFinish = new Map<string, number>();
  const latestStart = new Map<string, number>();
  for (const id of [...launchOrder].reverse()) {
    const task = open.get(id)!;
    const finish = Math.min(launch, ...after.get(id)!.filter((next) => forLaunch.has(next)).map((next) => latestStart.get(next)!));
    latestFinish.set(id, finish);
    latestStart.set(id, subtractWorkingHours(calendarOf(task), finish, hoursOf(task)));
  }

  const scheduled = new Map<string, ScheduledTask>();
  for (const id of launchOrder) {
    const task = open.get(id)!;
    scheduled.set(id, {
      id,
      earliestStart: new Date(earliestStart.get(id)!),
      earliestFinish: new Date(earliestFinish.get(id)!),
      latestFinish: new Date(latestFinish.get(id)!),
      slackHours: workingHoursBetween(calendarOf(task), earliestFinish.get(id)!, latestFinish.get(id)!),
    });
  }

  // The chain: from the last to finish, back through whichever dependency held each task's start.
  let last: string | undefined;
  for (const id of launchOrder) if (last === undefined || earliestFinish.get(id)! > earliestFinish.get(last)!) last = id;
  const chain: string[] = [];
  for (let id = last; id !== undefined; ) {
    chain.unshift(id);
    const start = earliestStart.get(id)!;
    id = before.get(id)!.find((dep) => earliestFinish.get(dep) === start && start > input.now.getTime());
  }
  const lastFinish = last === undefined ? null : earliestFinish.get(last)!;
  return {
    scheduled,
    chain,
    lastFinish: lastFinish === null ? null : new Date(lastFinish),
    holds: lastFinish === null || lastFinish <= launch,
    inCircle,
  };
}
