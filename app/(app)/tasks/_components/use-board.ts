"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { TaskStatus } from "@/db/schema/enum-values";
import type { BoardColumn } from "@/server/services/tasks/list-board";
import type { BoardInput, MoveTaskInput } from "@/server/services/tasks/task.schema";
import { taskStatusLabels } from "@/server/services/tasks/task-status";
import { type LiveChange, useLiveChanges } from "@/components/realtime/use-live-changes";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC, useTRPCClient } from "@/components/trpc/react";
import { confirmAction, reportFailure } from "@/components/ui/toaster";
import { applyMove } from "./board-moves";

type Shown = Partial<Record<TaskStatus, number>>;

// How long a card this page moved counts as "ours" when its change comes back live.
const ECHO_MS = 5_000;

/** Cards this page moved lately: their live echo is already on screen (and re-read when the move settles). */
class OwnMoves {
  private readonly movedAt = new Map<string, number>();
  mark(taskId: string) {
    this.movedAt.set(taskId, Date.now());
  }
  isEcho(change: LiveChange, viewerId: string) {
    const now = Date.now();
    return !change.everything && change.actorId === viewerId && change.ids.length > 0 && change.ids.every((id) => now - (this.movedAt.get(id) ?? 0) < ECHO_MS);
  }
}
// A burst of changes (a batch assignment) becomes one re-read.
const GATHER_MS = 100;

/**
 * The board's one query and what changes it: "Show more" pages a column on (and
 * a later refetch keeps as many cards as were shown); a move shows at once, is
 * undone with the server's reason when refused, and is confirmed when kept; and
 * changes made by anyone else are re-read as they happen.
 */
export function useBoard(input: BoardInput, { viewerId, onApplied }: { viewerId: string; onApplied?: () => void }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const shown = useRef<Shown>({});
  const options = trpc.task.board.queryOptions(input);
  const queryKey = options.queryKey;

  const { data: board } = useSuspenseQuery({
    ...options,
    queryFn: async () => {
      const fresh = await client.task.board.query(input);
      return Promise.all(fresh.map((column) => extend(column, shown.current[column.status] ?? 0)));
    },
  });

  /** Reads a column on until it shows `wanted` cards (or all it has). */
  async function extend(column: BoardColumn, wanted: number): Promise<BoardColumn> {
    let { cards, nextAfter } = column;
    while (nextAfter && cards.length < wanted) {
      const page = await client.task.column.query({ ...input, status: column.status, after: nextAfter, limit: Math.min(200, wanted - cards.length) });
      const seen = new Set(cards.map((card) => card.id));
      cards = [...cards, ...page.cards.filter((card) => !seen.has(card.id))];
      nextAfter = page.nextAfter;
    }
    return { ...column, cards, nextAfter };
  }

  async function showMore(status: TaskStatus) {
    const column = board.find((each) => each.status === status)!;
    const grown = await extend(column, column.cards.length + 50);
    shown.current[status] = grown.cards.length;
    queryClient.setQueryData(queryKey, (old) => old?.map((each) => (each.status === status ? grown : each)));
  }

  const [ownMoves] = useState(() => new OwnMoves());
  const gather = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(gather.current), []);
  useLiveChanges("tasks", (change) => {
    if (ownMoves.isEcho(change, viewerId) || gather.current) return;
    gather.current = setTimeout(() => {
      gather.current = undefined;
      // A move on its way re-reads the board when it settles; re-reading now would flash the old place.
      if (queryClient.isMutating({ mutationKey: trpc.task.move.mutationKey() }) === 0) void queryClient.invalidateQueries(trpc.task.pathFilter());
    }, GATHER_MS);
  });

  const move = useMutation(
    trpc.task.move.mutationOptions({
      onMutate: async (vars: MoveTaskInput) => {
        // A refetch already under way would overwrite the move shown here.
        ownMoves.mark(vars.taskId);
        await queryClient.cancelQueries({ queryKey });
        const previous = queryClient.getQueryData(queryKey);
        if (previous) queryClient.setQueryData(queryKey, applyMove(previous, vars));
        onApplied?.();
        return { previous };
      },
      onError: (error, _vars, context) => {
        if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
        reportFailure(errorMessage(error));
      },
      onSuccess: (task, vars, context) => {
        const before = context?.previous?.flatMap((column) => column.cards).find((card) => card.id === vars.taskId);
        confirmAction(
          before && before.status === task.status
            ? `“${task.title}” moved within ${taskStatusLabels[task.status]}.`
            : `“${task.title}” moved to ${taskStatusLabels[task.status]}.`,
        );
      },
      onSettled: () => {
        // Only the last of several quick moves refetches, so an earlier answer doesn't undo a later move on screen.
        if (queryClient.isMutating({ mutationKey: trpc.task.move.mutationKey() }) === 1) {
          void queryClient.invalidateQueries(trpc.task.pathFilter());
        }
      },
    }),
  );

  return { board, queryKey, showMore, move: move.mutate };
}
