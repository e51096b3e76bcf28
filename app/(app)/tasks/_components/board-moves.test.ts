import { describe, expect, it } from "vitest";
import type { BoardColumn } from "@/server/services/tasks/list-board";
import type { TaskCard } from "@/server/services/tasks/task-card";
import { applyMove, columnIds, placeOf } from "./board-moves";

const card = (id: string, status: TaskCard["status"]): TaskCard => ({
  id,
  title: `Task ${id}`,
  status,
  priority: "medium",
  position: "a0",
  dueAt: null,
  estimateHours: null,
  requiredSkills: [],
  blockedReason: null,
  assignmentReason: null,
  campaignId: null,
  campaignName: null,
  assigneeId: null,
  assigneeName: null,
  blockedBy: [],
  commentCount: 0,
  updatedAt: new Date(0),
});

const board = (): BoardColumn[] => [
  { status: "todo", cards: [card("a", "todo"), card("b", "todo"), card("c", "todo")], total: 3, nextAfter: null },
  { status: "in_progress", cards: [card("d", "in_progress")], total: 1, nextAfter: null },
  { status: "blocked", cards: [], total: 0, nextAfter: null },
  { status: "in_review", cards: [], total: 0, nextAfter: null },
  { status: "done", cards: [], total: 0, nextAfter: null },
];

describe("applyMove", () => {
  it("reorders within a column", () => {
    const ids = columnIds(applyMove(board(), { taskId: "a", status: "todo", afterTaskId: "c" }));
    expect(ids.todo).toEqual(["b", "c", "a"]);
  });

  it("moves to the top of another column and keeps the counts", () => {
    const moved = applyMove(board(), { taskId: "b", status: "in_progress", afterTaskId: null });
    expect(columnIds(moved).todo).toEqual(["a", "c"]);
    expect(columnIds(moved).in_progress).toEqual(["b", "d"]);
    expect(moved.map((column) => column.total)).toEqual([2, 2, 0, 0, 0]);
    expect(moved[1]!.cards[0]!.status).toBe("in_progress");
  });

  it("keeps the reason a card is blocked, and drops it when the card leaves Blocked", () => {
    const blocked = applyMove(board(), { taskId: "a", status: "blocked", afterTaskId: null, blockedReason: " Waiting on legal " });
    expect(blocked[2]!.cards[0]!.blockedReason).toBe("Waiting on legal");
    const back = applyMove(blocked, { taskId: "a", status: "todo", afterTaskId: null });
    expect(back[0]!.cards[0]!.blockedReason).toBeNull();
  });

  it("puts a card dropped after one not loaded at the end of what is shown", () => {
    expect(columnIds(applyMove(board(), { taskId: "d", status: "todo", afterTaskId: "zzz" })).todo).toEqual(["a", "b", "c", "d"]);
  });
});

describe("placeOf", () => {
  it("names the column and the card above", () => {
    const ids = columnIds(board());
    expect(placeOf(ids, "a")).toEqual({ status: "todo", afterTaskId: null, index: 0 });
    expect(placeOf(ids, "c")).toEqual({ status: "todo", afterTaskId: "b", index: 2 });
    expect(placeOf(ids, "nope")).toBeNull();
  });
});
