"use client";

import {
  closestCenter,
  closestCorners,
  type CollisionDetection,
  DndContext,
  type DragEndEvent,
  type DragOverEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  type Over,
  PointerSensor,
  pointerWithin,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { arrayMove, sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { useSearchParams } from "next/navigation";
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { TaskStatus } from "@/db/schema/enum-values";
import type { MoveTaskInput } from "@/server/services/tasks/task.schema";
import type { TaskCard } from "@/server/services/tasks/task-card";
import { taskStatusLabels } from "@/server/services/tasks/task-status";
import { useNow } from "@/components/tasks/task-badges";
import { EmptyState } from "@/components/ui/empty-state";
import { useViewer } from "@/components/viewer/viewer-context";
import { BlockedReasonDialog } from "./blocked-reason-dialog";
import { BoardColumn } from "./board-column";
import { type ColumnIds, columnIds, placeOf } from "./board-moves";
import { TaskCardFace } from "./task-card";
import { ClearFilters } from "./task-filters";
import { boardQueryInput, hasFilters } from "./tasks-query";
import { useBoard } from "./use-board";

const statusOfDropId = (id: UniqueIdentifier) => (String(id).startsWith("column:") ? (String(id).slice(7) as TaskStatus) : null);

/**
 * Which card (or empty column) a dragged card is over: with a pointer, the card
 * nearest it in the column under the pointer; from the keyboard (no pointer), the
 * nearest corners, as dnd-kit's keyboard coordinates expect. Plain closest corners
 * with tall columns would pick a card of the next column over the column itself.
 */
const collisionDetection: CollisionDetection = (args) => {
  const column = pointerWithin(args).find((collision) => statusOfDropId(collision.id));
  if (!column) return closestCorners(args);
  const status = statusOfDropId(column.id);
  const cardsThere = args.droppableContainers.filter((container) => container.data.current?.sortable?.containerId === status);
  const nearest = cardsThere.length ? closestCenter({ ...args, droppableContainers: cardsThere }) : [];
  return nearest.length ? nearest : [column];
};

/** The kanban board: five status columns; cards move by drag and drop, by keyboard, or by each card's "Move to…" menu. */
export function TaskBoard({ viewerId }: { viewerId: string }) {
  const searchParams = useSearchParams();
  const { timeZone } = useViewer();
  const input = boardQueryInput(searchParams, timeZone);
  const now = useNow();
  // While a card is dragged the board shows this working copy of the columns; the query's data otherwise.
  const [dragIds, setDragIds] = useState<ColumnIds | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [askBlocked, setAskBlocked] = useState<MoveTaskInput | null>(null);
  const { board, showMore, move } = useBoard(input, { viewerId, onApplied: () => setDragIds(null) });

  const cards = useMemo(() => new Map(board.flatMap((column) => column.cards).map((card) => [card.id, card])), [board]);
  const savedIds = useMemo(() => columnIds(board), [board]);
  const ids = dragIds ?? savedIds;
  // Drag handlers and announcements read the columns as last drawn.
  const idsRef = useRef(ids);
  useLayoutEffect(() => {
    idsRef.current = ids;
  }, [ids]);
  const startRef = useRef<ReturnType<typeof placeOf>>(null);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  /** Sends a move (asking first what blocks the card when it goes to Blocked). */
  const send = useCallback(
    (next: MoveTaskInput, from: TaskStatus) => {
      if (next.status === "blocked" && from !== "blocked") setAskBlocked(next);
      else move(next);
    },
    [move],
  );

  const onMoveTo = useCallback((card: TaskCard, status: TaskStatus) => send({ taskId: card.id, status, afterTaskId: null }, card.status), [send]);

  const containerOf = (id: UniqueIdentifier, within: ColumnIds) => statusOfDropId(id) ?? placeOf(within, String(id))?.status ?? null;

  function onDragStart({ active }: DragStartEvent) {
    setActiveId(String(active.id));
    setDragIds(savedIds);
    startRef.current = placeOf(savedIds, String(active.id));
  }

  // Across columns the card joins the other column's list as it passes over it (dnd-kit's multiple-container pattern).
  function onDragOver({ active, over }: DragOverEvent) {
    if (!over) return;
    setDragIds((current) => {
      if (!current) return current;
      const from = containerOf(active.id, current);
      const to = containerOf(over.id, current);
      if (!from || !to || from === to) return current;
      const target = current[to];
      const overIndex = target.indexOf(String(over.id));
      const below = over && active.rect.current.translated && active.rect.current.translated.top > over.rect.top + over.rect.height / 2;
      const at = overIndex === -1 ? target.length : overIndex + (below ? 1 : 0);
      return {
        ...current,
        [from]: current[from].filter((id) => id !== active.id),
        [to]: [...target.slice(0, at), String(active.id), ...target.slice(at)],
      };
    });
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    setActiveId(null);
    const start = startRef.current;
    const current = idsRef.current;
    const taskId = String(active.id);
    const to = over ? containerOf(over.id, current) : null;
    if (!over || !to || !start) return setDragIds(null);
    let final = current;
    const overIndex = current[to].indexOf(String(over.id));
    const activeIndex = current[to].indexOf(taskId);
    if (overIndex !== -1 && activeIndex !== -1 && overIndex !== activeIndex) final = { ...current, [to]: arrayMove(current[to], activeIndex, overIndex) };
    const place = placeOf(final, taskId);
    if (!place || (place.status === start.status && place.afterTaskId === start.afterTaskId)) return setDragIds(null);
    setDragIds(final);
    send({ taskId, status: place.status, afterTaskId: place.afterTaskId }, start.status);
  }

  const titleOf = (id: UniqueIdentifier) => `“${cards.get(String(id))?.title ?? "the card"}”`;
  const whereIs = (id: UniqueIdentifier) => {
    const place = placeOf(idsRef.current, String(id));
    return place ? `position ${place.index + 1} of ${idsRef.current[place.status].length} in ${taskStatusLabels[place.status]}` : "no column";
  };
  /** Where a dragged card would land, read from what it is over (a card: its place; an empty column: the column). */
  const overPlace = (over: Over) => {
    const sortable = over.data.current?.sortable as { containerId: TaskStatus; index: number } | undefined;
    const status = statusOfDropId(over.id) ?? sortable?.containerId;
    if (!status) return "no column";
    return sortable ? `position ${sortable.index + 1} in ${taskStatusLabels[status]}` : taskStatusLabels[status];
  };

  if (board.every((column) => column.total === 0)) {
    return hasFilters(input) ? (
      <EmptyState title="No tasks match these filters">
        <p>Try another search, or clear the filters to see the whole board.</p>
        <div className="mt-4">
          <ClearFilters />
        </div>
      </EmptyState>
    ) : (
      <EmptyState title="No tasks yet">Create the first task and it lands in To do, ready to drag along as the work moves.</EmptyState>
    );
  }

  const active = activeId ? cards.get(activeId) : undefined;
  return (
    <>
      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          setActiveId(null);
          setDragIds(null);
        }}
        accessibility={{
          screenReaderInstructions: {
            draggable:
              "To move a card, press Space or Enter to pick it up. Use the up and down arrow keys to move it within its column and the left and right arrow keys to move it to another column. Press Space or Enter again to drop it, or Escape to put it back.",
          },
          announcements: {
            onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}, ${whereIs(active.id)}.`,
            // Over itself is where it already is (just picked up, or just carried into another column): nothing new to say.
            onDragOver: ({ active, over }) =>
              !over ? `${titleOf(active.id)} is not over a column.` : over.id === active.id ? undefined : `${titleOf(active.id)} is over ${overPlace(over)}.`,
            onDragEnd: ({ active, over }) => (over ? `${titleOf(active.id)} dropped at ${overPlace(over)}.` : `${titleOf(active.id)} dropped where it was.`),
            onDragCancel: ({ active }) =>
              `Moving ${titleOf(active.id)} was cancelled; it is back in ${startRef.current ? taskStatusLabels[startRef.current.status] : "its column"}.`,
          },
        }}
      >
        <div className="-mx-4 flex snap-x snap-mandatory gap-3 overflow-x-auto px-4 pb-4 sm:snap-none">
          {board.map((column) => (
            <BoardColumn
              key={column.status}
              status={column.status}
              ids={ids[column.status]}
              cards={cards}
              total={column.total + (ids[column.status].length - savedIds[column.status].length)}
              hasMore={column.nextAfter !== null}
              now={now}
              onShowMore={showMore}
              onMoveTo={onMoveTo}
            />
          ))}
        </div>
        <DragOverlay>{active ? <div className="rotate-2 cursor-grabbing"><TaskCardFace card={active} now={now} /></div> : null}</DragOverlay>
      </DndContext>
      <BlockedReasonDialog
        title={askBlocked ? (cards.get(askBlocked.taskId)?.title ?? "") : null}
        onConfirm={(blockedReason) => {
          if (askBlocked) move({ ...askBlocked, blockedReason });
          setAskBlocked(null);
        }}
        onCancel={() => {
          setAskBlocked(null);
          setDragIds(null);
        }}
      />
    </>
  );
}
