import type { TaskStatus } from "@/db/schema/enum-values";
import type { BoardColumn } from "@/server/services/tasks/list-board";
import type { MoveTaskInput } from "@/server/services/tasks/task.schema";

// Pure helpers the board uses to show a move before the server has answered.

export type ColumnIds = Record<TaskStatus, string[]>;

export function columnIds(board: BoardColumn[]): ColumnIds {
  return Object.fromEntries(board.map((column) => [column.status, column.cards.map((card) => card.id)])) as ColumnIds;
}

/** The board with one card moved as `move` says: out of its column, into `status` right after `afterTaskId` (or on top). */
export function applyMove(board: BoardColumn[], move: MoveTaskInput): BoardColumn[] {
  const card = board.flatMap((column) => column.cards).find((card) => card.id === move.taskId);
  if (!card) return board;
  const statusChanged = card.status !== move.status;
  const moved = {
    ...card,
    status: move.status,
    blockedReason: statusChanged ? (move.status === "blocked" ? (move.blockedReason?.trim() ?? null) : null) : card.blockedReason,
  };
  return board.map((column) => {
    let cards = column.cards.filter((other) => other.id !== move.taskId);
    let total = column.total - (column.cards.length - cards.length);
    if (column.status === move.status) {
      const after = move.afterTaskId === null ? -1 : cards.findIndex((other) => other.id === move.afterTaskId);
      // A card dropped after one this page has not loaded goes to the end of what is shown.
      const at = move.afterTaskId !== null && after === -1 ? cards.length : after + 1;
      cards = [...cards.slice(0, at), moved, ...cards.slice(at)];
      total += 1;
    }
    return { ...column, cards, total };
  });
}

/** Where `taskId` sits in `ids`: its column and the card above it (null on top). */
export function placeOf(ids: ColumnIds, taskId: string): { status: TaskStatus; afterTaskId: string | null; index: number } | null {
  for (const [status, list] of Object.entries(ids) as [TaskStatus, string[]][]) {
    const index = list.indexOf(taskId);
    if (index !== -1) return { status, afterTaskId: index === 0 ? null : list[index - 1]!, index };
  }
  return null;
}
