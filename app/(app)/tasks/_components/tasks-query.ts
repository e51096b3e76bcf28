import { taskPriorities } from "@/db/schema/enum-values";
import { type BoardInput, dueFilters, type ListTasksInput, listTasksInput, taskSorts, type TaskFilters } from "@/server/services/tasks/task.schema";

// The board's and the list's filters live in the address
// (?view=list&campaign=&assignee=&mine=1&due=&skill=&priority=&q=&sort=&dir=&page=),
// so a filtered board can be shared and survives a reload. Unknown values are dropped, not errors.

type Params = { get(name: string): string | null };

export const FILTER_NAMES = ["campaign", "assignee", "mine", "due", "skill", "priority", "q"] as const;
export const LIST_PAGE_SIZE = 50;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (value: string | null) => (value && uuidPattern.test(value) ? value : undefined);
const oneOf = <T extends string>(values: readonly T[], value: string | null) => (values.includes(value as T) ? (value as T) : undefined);
const parses = (field: keyof typeof listTasksInput.shape, value: string | undefined) =>
  value && listTasksInput.shape[field].safeParse(value).success ? value : undefined;

export type TasksView = "board" | "list";

export function tasksView(params: Params): TasksView {
  return params.get("view") === "list" ? "list" : "board";
}

/** The filters the address holds, read in the viewer's zone (which decides "today" and "this week"). */
export function taskFiltersFrom(params: Params, timeZone: string): TaskFilters {
  const mine = params.get("mine") === "1";
  return {
    campaignId: uuid(params.get("campaign")),
    assigneeId: mine ? undefined : uuid(params.get("assignee")),
    mine: mine || undefined,
    due: oneOf(dueFilters, params.get("due")),
    skill: parses("skill", params.get("skill")?.trim()),
    priority: oneOf(taskPriorities, params.get("priority")),
    search: parses("search", params.get("q")?.trim().slice(0, 120)),
    timeZone,
  };
}

export function boardQueryInput(params: Params, timeZone: string): BoardInput {
  return taskFiltersFrom(params, timeZone);
}

export function listQueryInput(params: Params, timeZone: string): ListTasksInput {
  const page = Number(params.get("page"));
  const pageIndex = Number.isInteger(page) && page > 1 ? Math.min(page, 10_000) - 1 : 0;
  return {
    ...taskFiltersFrom(params, timeZone),
    sort: oneOf(taskSorts, params.get("sort")) ?? "due",
    direction: params.get("dir") === "desc" ? "desc" : "asc",
    limit: LIST_PAGE_SIZE,
    offset: pageIndex * LIST_PAGE_SIZE,
  };
}

export function hasFilters(filters: TaskFilters): boolean {
  return Boolean(filters.campaignId || filters.assigneeId || filters.mine || filters.due || filters.skill || filters.priority || filters.search);
}
