// Who gets each task, decided in memory from what loadTeamCapacity read once, so
// a batch of a thousand tasks costs the same few queries as one.
//
// The rules, in order:
// 1. Candidates are the members who can be given work (marketers, managers and
//    admins; viewers only read) and have every skill the task requires.
// 2. Of those, anyone away around the due date is left out. "Around" is the due
//    day and the member's last working day before it, both as days in the
//    member's own zone: a task due Monday morning is finished on Friday.
// 3. Of those, the one with the most free hours in the week of the due date
//    (Monday to Sunday in the workspace's zone) takes it: their capacity that
//    week less the estimates of their open tasks due that week, counting the
//    tasks this same run has already handed out. Someone is "full" when their
//    free hours that week are fewer than the task's estimate (or none at all, for
//    a task without an estimate).
// 4. Ties go to the one with fewer open tasks, then by name, then by user id.
// A task without a due date is planned for the current week and checked against today.
import { formatNumber, formatShortDay, type SupportedLocale, todayIn } from "@/server/services/date-time";
import { isOff, previousWorkingDay, weekCapacity, weekStartOf } from "@/server/services/team/capacity-weeks";
import type { TeamCapacity, TeamMemberCapacity } from "@/server/services/team/load-team-capacity";

export interface TaskToAssign {
  id: string;
  requiredSkills: string[];
  estimateHours: number | null;
  dueAt: Date | null;
}

export type Decision = { taskId: string; assigneeId: string; assigneeName: string; reason: string } | { taskId: string; assigneeId: null; refusal: string };

const round = (hours: number) => Math.round(hours * 10) / 10;

/** "copywriting", "copywriting and design", "copywriting, design and video". */
export function listWords(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** Who of two equally free members goes first: fewer open tasks, then name, then id. */
function before(a: TeamMemberCapacity, b: TeamMemberCapacity): boolean {
  if (a.openTasks !== b.openTasks) return a.openTasks < b.openTasks;
  const byName = a.name.localeCompare(b.name, "en");
  return byName !== 0 ? byName < 0 : a.userId < b.userId;
}

/** Decides `tasks` in order; each decision counts the ones before it. */
export function chooseAssignees(team: TeamCapacity, tasks: TaskToAssign[], options: { locale: SupportedLocale; now: Date }): Decision[] {
  const { locale } = options;
  const eligible = team.members.filter((member) => member.role !== "viewer");
  const skillsOf = new Map(eligible.map((member) => [member.userId, new Set(member.skills)]));
  // The same day is asked for many times over a batch: a zone conversion is the costly part.
  const dayCache = new Map<string, string>();
  const dayIn = (zone: string, instant: Date) => {
    const key = `${zone}|${instant.getTime()}`;
    let day = dayCache.get(key);
    if (day === undefined) {
      day = todayIn(zone, instant);
      dayCache.set(key, day);
    }
    return day;
  };
  // Formatting (Intl, date-fns) costs more than deciding: each label is written once per run.
  const labels = new Map<string, string>();
  const label = (key: string, write: () => string) => {
    let text = labels.get(key);
    if (text === undefined) {
      text = write();
      labels.set(key, text);
    }
    return text;
  };
  const shortDay = (day: string) => label(`d${day}`, () => formatShortDay({ locale }, day));
  const hours = (value: number) => label(`h${value}`, () => formatNumber({ locale }, value));
  // Per member, what a run asks about again and again: their capacity per week, and whether they are away around a day.
  const capacities = new Map<string, Map<string, number>>(eligible.map((member) => [member.userId, new Map()]));
  const freeHours = (member: TeamMemberCapacity, monday: string) => {
    const known = capacities.get(member.userId)!;
    let capacity = known.get(monday);
    if (capacity === undefined) {
      capacity = weekCapacity(member, monday, team.holidayCountry);
      known.set(monday, capacity);
    }
    return round(capacity - (member.assignedHours.get(monday) ?? 0));
  };
  const awayAround = new Map<string, Map<string, boolean>>(eligible.map((member) => [member.userId, new Map()]));
  const isAwayAround = (member: TeamMemberCapacity, day: string) => {
    if (member.timeOff.length === 0) return false;
    const known = awayAround.get(member.userId)!;
    let away = known.get(day);
    if (away === undefined) {
      away = isOff(member.timeOff, day) || isOff(member.timeOff, previousWorkingDay(member.workingDays, day));
      known.set(day, away);
    }
    return away;
  };

  return tasks.map((task): Decision => {
    const due = task.dueAt ?? options.now;
    const dueDay = dayIn(team.timeZone, due);
    const monday = weekStartOf(dueDay);
    const required = task.requiredSkills;
    const withSkills = eligible.filter((member) => required.every((skill) => skillsOf.get(member.userId)!.has(skill)));
    const refuse = (refusal: string): Decision => ({ taskId: task.id, assigneeId: null, refusal });

    if (withSkills.length === 0) {
      if (eligible.length === 0) return refuse("No one in this workspace can be given tasks");
      const missing = required.filter((skill) => !eligible.some((member) => skillsOf.get(member.userId)!.has(skill)));
      if (missing.length === 1) return refuse(`No one has the skill ${missing[0]}`);
      if (missing.length > 1) return refuse(`No one has the skills ${listWords(missing)}`);
      return refuse(`No one has ${listWords(required)} together`);
    }
    const who = required.length > 0 ? `Everyone with ${listWords(required)}` : "Everyone";

    const present = withSkills.filter((member) => {
      if (member.timeOff.length === 0) return true;
      const zone = member.timeZone ?? team.timeZone;
      return !isAwayAround(member, zone === team.timeZone ? dueDay : dayIn(zone, due));
    });
    if (present.length === 0) return refuse(`${who} is away around ${shortDay(dueDay)}`);

    const needed = task.estimateHours ?? 0;
    let best: { member: TeamMemberCapacity; free: number } | undefined;
    for (const member of present) {
      const free = freeHours(member, monday);
      if (free <= 0 || free < needed) continue;
      if (!best || free > best.free || (free === best.free && before(member, best.member))) best = { member, free };
    }
    if (!best) return refuse(`${who} is full in the week of ${shortDay(monday)}`);

    const { member, free } = best;
    member.assignedHours.set(monday, (member.assignedHours.get(monday) ?? 0) + needed);
    member.openTasks += 1;
    const skills = required.length > 0 ? `has ${listWords(required)}, ` : "";
    return {
      taskId: task.id,
      assigneeId: member.userId,
      assigneeName: member.name,
      reason: `${member.name}: ${skills}${hours(free)} h free in the week of ${shortDay(monday)}`,
    };
  });
}
