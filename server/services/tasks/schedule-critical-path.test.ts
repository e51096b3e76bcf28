import { describe, expect, test } from "vitest";
import { type PathTask, scheduleCriticalPath } from "./schedule-critical-path";
import { defaultCalendar, memberCalendar, type WorkCalendar } from "./working-calendar";

// Monday 30 November 2026, 09:00 UTC; the team works 09:00-17:00 UTC on weekdays.
const MONDAY = new Date("2026-11-30T09:00:00Z");
const utc = defaultCalendar({ timeZone: "UTC", country: null });
/** The end of Friday 4 December in UTC. */
const FRIDAY_LAUNCH = new Date("2026-12-05T00:00:00Z");

const task = (id: string, estimateHours: number | null, overrides: Partial<PathTask> = {}): PathTask => ({
  id,
  title: id,
  done: false,
  estimateHours,
  assigneeId: null,
  dueAt: null,
  ...overrides,
});
const dep = (taskId: string, dependsOnId: string) => ({ taskId, dependsOnId });

function schedule(
  tasks: PathTask[],
  dependencies: { taskId: string; dependsOnId: string }[] = [],
  options: { now?: Date; launchAt?: Date; calendars?: Map<string, WorkCalendar>; defaultCalendar?: WorkCalendar } = {},
) {
  return scheduleCriticalPath({
    tasks,
    dependencies,
    calendars: options.calendars ?? new Map(),
    defaultCalendar: options.defaultCalendar ?? utc,
    launchAt: options.launchAt ?? FRIDAY_LAUNCH,
    now: options.now ?? MONDAY,
  });
}
const finish = (result: ReturnType<typeof schedule>, id: string) => result.scheduled.get(id)!.earliestFinish.toISOString();
const slack = (result: ReturnType<typeof schedule>, id: string) => result.scheduled.get(id)!.slackHours;

describe("scheduleCriticalPath", () => {
  test("a diamond: the longer branch is the chain, the shorter one has slack, the launch holds", () => {
    const result = schedule([task("A", 8), task("B", 4), task("C", 16), task("D", 4)], [dep("B", "A"), dep("C", "A"), dep("D", "B"), dep("D", "C")]);
    expect(finish(result, "A")).toBe("2026-11-30T17:00:00.000Z");
    expect(finish(result, "B")).toBe("2026-12-01T13:00:00.000Z");
    expect(finish(result, "C")).toBe("2026-12-02T17:00:00.000Z");
    // D waits for C (Wednesday 17:00) and takes Thursday morning.
    expect(finish(result, "D")).toBe("2026-12-03T13:00:00.000Z");
    expect(result.chain).toEqual(["A", "C", "D"]);
    // D must finish by Friday's end: Thursday afternoon and Friday are spare; B can slip until D must start (Friday 13:00).
    expect(slack(result, "D")).toBe(12);
    expect(slack(result, "C")).toBe(12);
    expect(slack(result, "B")).toBe(24);
    expect(result.holds).toBe(true);
    expect(result.lastFinish!.toISOString()).toBe("2026-12-03T13:00:00.000Z");
  });

  test("parallel chains: the longer one decides; both start now", () => {
    const result = schedule([task("X1", 8), task("X2", 8), task("Y1", 4)], [dep("X2", "X1")]);
    expect(result.chain).toEqual(["X1", "X2"]);
    expect(result.scheduled.get("Y1")!.earliestStart).toEqual(MONDAY);
    expect(finish(result, "Y1")).toBe("2026-11-30T13:00:00.000Z");
  });

  test("a weekend is skipped: 16 hours from Friday morning end on Monday evening", () => {
    const friday = new Date("2026-12-04T09:00:00Z");
    const result = schedule([task("A", 16)], [], { now: friday, launchAt: new Date("2026-12-09T00:00:00Z") });
    expect(finish(result, "A")).toBe("2026-12-07T17:00:00.000Z");
  });

  test("a holiday is skipped: Thanksgiving in the US", () => {
    const wednesday = new Date("2026-11-25T09:00:00Z");
    const us = defaultCalendar({ timeZone: "UTC", country: "US" });
    expect(finish(schedule([task("A", 16)], [], { now: wednesday, defaultCalendar: us }), "A")).toBe("2026-11-27T17:00:00.000Z");
    expect(finish(schedule([task("A", 16)], [], { now: wednesday }), "A")).toBe("2026-11-26T17:00:00.000Z");
  });

  test("the assignee's hours: capacity spread over their working days, time off and their zone", () => {
    const priya = memberCalendar({
      timeZone: "Europe/Berlin",
      country: null,
      workingDays: [1, 2, 3, 4, 5],
      weeklyCapacityHours: 20,
      timeOff: [{ startDate: "2026-12-01", endDate: "2026-12-02" }],
    });
    expect(priya.hoursPerDay).toBe(4);
    const result = schedule([task("A", 8, { assigneeId: "priya" })], [], { now: new Date("2026-11-30T07:00:00Z"), calendars: new Map([["priya", priya]]) });
    // Monday 09:00-13:00 Berlin (08:00-12:00 UTC), Tuesday and Wednesday off, Thursday 09:00-13:00.
    expect(finish(result, "A")).toBe("2026-12-03T12:00:00.000Z");
    // Someone who works only Mondays and Tuesdays, 8 hours each.
    const twoDays = memberCalendar({ timeZone: "UTC", country: null, workingDays: [1, 2], weeklyCapacityHours: 16, timeOff: [] });
    expect(finish(schedule([task("B", 24, { assigneeId: "m" })], [], { calendars: new Map([["m", twoDays]]), launchAt: new Date("2026-12-31T00:00:00Z") }), "B")).toBe("2026-12-07T17:00:00.000Z");
  });

  test("a done task counts as finished: what waits on it starts now, and it is not on the path", () => {
    const result = schedule([task("A", 40, { done: true }), task("B", 4)], [dep("B", "A")]);
    expect(result.scheduled.has("A")).toBe(false);
    expect(result.scheduled.get("B")!.earliestStart).toEqual(MONDAY);
    expect(result.chain).toEqual(["B"]);
  });

  test("an empty campaign, or one with every task done: no chain, and nothing stands in the launch's way", () => {
    expect(schedule([])).toMatchObject({ chain: [], lastFinish: null, holds: true, inCircle: [] });
    expect(schedule([task("A", 4, { done: true })])).toMatchObject({ chain: [], lastFinish: null, holds: true });
  });

  test("a launch that slips: the chain runs past the launch and its tasks have negative slack", () => {
    const result = schedule([task("A", 24), task("B", 24)], [dep("B", "A")]);
    expect(result.holds).toBe(false);
    expect(finish(result, "B")).toBe("2026-12-07T17:00:00.000Z");
    expect(slack(result, "B")).toBe(-8);
    expect(slack(result, "A")).toBe(-8);
  });

  test("work due after the launch (a wrap-up report) does not decide it", () => {
    const result = schedule([task("A", 8), task("report", 80, { dueAt: new Date("2026-12-20T17:00:00Z") })], [dep("report", "A")]);
    expect(result.chain).toEqual(["A"]);
    expect(result.holds).toBe(true);
    expect(result.scheduled.has("report")).toBe(false);
  });

  test("no estimate counts as no time", () => {
    expect(finish(schedule([task("A", null)]), "A")).toBe(MONDAY.toISOString());
  });

  test("a circle of dependencies (refused when saved, defended against here) is left out and named", () => {
    const result = schedule([task("A", 4), task("B", 4), task("C", 4)], [dep("A", "B"), dep("B", "A"), dep("C", "A")]);
    expect(result.inCircle.sort()).toEqual(["A", "B", "C"]);
    expect(result.chain).toEqual([]);
    const withOther = schedule([task("A", 4), task("B", 4), task("D", 4)], [dep("A", "B"), dep("B", "A")]);
    expect(withOther.chain).toEqual(["D"]);
    expect(withOther.inCircle.sort()).toEqual(["A", "B"]);
  });
});
