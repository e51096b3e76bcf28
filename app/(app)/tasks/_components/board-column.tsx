"use client";

import { useDndContext, useDroppable } from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { clsx } from "clsx";
import { defaultRangeExtractor, useVirtualizer } from "@tanstack/react-virtual";
import { memo, type RefObject, useRef, useState } from "react";
import type { TaskStatus } from "@/db/schema/enum-values";
import type { TaskCard } from "@/server/services/tasks/task-card";
import { taskStatusLabels } from "@/server/services/tasks/task-status";
import { Button } from "@/components/ui/button";
import { TaskCardFace } from "./task-card";

// A column longer than this draws only the cards in view (and the one being dragged):
// dnd-kit redraws every sortable card on each pointer move, which at 500 cards took ~100 ms.
const VIRTUAL_FROM = 60;

export const columnDropId = (status: TaskStatus) => `column:${status}`;

const columnTones: Record<TaskStatus, string> = {
  todo: "bg-slate-400",
  in_progress: "bg-sky-500",
  blocked: "bg-red-500",
  in_review: "bg-amber-500",
  done: "bg-emerald-500",
};

/** One status column: its cards in order (a sortable list), its count, and "Show more" when the column holds more than it shows. */
export function BoardColumn({
  status,
  ids,
  cards,
  total,
  hasMore,
  now,
  onShowMore,
  onMoveTo,
}: {
  status: TaskStatus;
  ids: string[];
  cards: Map<string, TaskCard>;
  total: number;
  hasMore: boolean;
  now: number | null;
  onShowMore: (status: TaskStatus) => Promise<void>;
  onMoveTo: (card: TaskCard, status: TaskStatus) => void;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: columnDropId(status) });
  const [loading, setLoading] = useState(false);
  const scroller = useRef<HTMLDivElement | null>(null);
  const headingId = `column-${status}`;
  return (
    <section
      aria-labelledby={headingId}
      className="flex w-[85vw] max-w-[20rem] shrink-0 snap-start flex-col rounded-xl bg-slate-100/80 sm:w-72"
    >
      <h2 id={headingId} className="flex items-center gap-2 px-3 pb-2 pt-3 text-sm font-semibold text-slate-800">
        <span aria-hidden="true" className={clsx("size-2 rounded-full", columnTones[status])} />
        {taskStatusLabels[status]}
        <span className="ml-auto rounded-full bg-white px-2 py-0.5 text-xs font-medium text-slate-600">
          {total}
          <span className="sr-only"> {total === 1 ? "task" : "tasks"}</span>
        </span>
      </h2>
      <div
        ref={(node) => {
          setNodeRef(node);
          scroller.current = node;
        }}
        className={clsx("flex max-h-[calc(100vh-16rem)] min-h-24 flex-1 flex-col gap-2 overflow-y-auto px-2 pb-2", isOver && ids.length === 0 && "rounded-lg bg-brand-50")}
      >
        <SortableContext id={status} items={ids} strategy={verticalListSortingStrategy}>
          {ids.length > VIRTUAL_FROM ? (
            <VirtualCards label={`${taskStatusLabels[status]} tasks`} ids={ids} cards={cards} now={now} onMoveTo={onMoveTo} scroller={scroller} />
          ) : (
            <ol className="flex flex-col gap-2" aria-label={`${taskStatusLabels[status]} tasks`}>
              {ids.map((id) => {
                const card = cards.get(id);
                return card ? (
                  <li key={id}>
                    <SortableCard card={card} now={now} onMoveTo={onMoveTo} />
                  </li>
                ) : null;
              })}
            </ol>
          )}
        </SortableContext>
        {ids.length === 0 && <p className="px-2 py-4 text-center text-xs text-slate-600">Drop a card here</p>}
        {hasMore && (
          <Button
            variant="ghost"
            className="text-xs"
            disabled={loading}
            onClick={async () => {
              setLoading(true);
              try {
                await onShowMore(status);
              } finally {
                setLoading(false);
              }
            }}
          >
            {loading ? "Loading…" : `Show more (${total - ids.length} more)`}
          </Button>
        )}
      </div>
    </section>
  );
}

/**
 * A card in a sortable list: dragged by its handle, so its link and menu still
 * take clicks and taps. The handle sits beside the memoised face rather than
 * inside it: useSortable redraws this wrapper on every pointer move, the face not.
 */
const SortableCard = memo(function SortableCard({ card, now, onMoveTo }: { card: TaskCard; now: number | null; onMoveTo: (card: TaskCard, status: TaskStatus) => void }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: card.id });
  return (
    <div ref={setNodeRef} style={{ transform: CSS.Translate.toString(transform), transition }} className={clsx("relative", isDragging && "opacity-40")}>
      <button
        type="button"
        ref={setActivatorNodeRef}
        {...attributes}
        {...listeners}
        aria-label={`Drag “${card.title}”`}
        className="absolute left-2 top-3 z-10 cursor-grab touch-none rounded p-0.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-brand-600 active:cursor-grabbing"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <circle cx="7" cy="5" r="1.5" /><circle cx="13" cy="5" r="1.5" /><circle cx="7" cy="10" r="1.5" />
          <circle cx="13" cy="10" r="1.5" /><circle cx="7" cy="15" r="1.5" /><circle cx="13" cy="15" r="1.5" />
        </svg>
      </button>
      <TaskCardFace card={card} now={now} onMoveTo={onMoveTo} />
    </div>
  );
});

/** A long column's cards, drawn only where the column is scrolled to; the card being dragged stays drawn wherever it is. */
function VirtualCards({
  label,
  ids,
  cards,
  now,
  onMoveTo,
  scroller,
}: {
  label: string;
  ids: string[];
  cards: Map<string, TaskCard>;
  now: number | null;
  onMoveTo: (card: TaskCard, status: TaskStatus) => void;
  scroller: RefObject<HTMLDivElement | null>;
}) {
  const { active } = useDndContext();
  const activeIndex = active ? ids.indexOf(String(active.id)) : -1;
  // eslint-disable-next-line react-hooks/incompatible-library -- nothing here memoizes the virtualizer's functions
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 150,
    overscan: 4,
    getItemKey: (index) => ids[index]!,
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      return activeIndex === -1 || indexes.includes(activeIndex) ? indexes : [...indexes, activeIndex].sort((a, b) => a - b);
    },
  });
  return (
    <div role="list" aria-label={label} className="relative shrink-0" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const card = cards.get(ids[item.index]!);
        return card ? (
          <div
            key={item.key}
            role="listitem"
            data-index={item.index}
            ref={virtualizer.measureElement}
            className="absolute inset-x-0 top-0 pb-2"
            style={{ transform: `translateY(${item.start}px)` }}
          >
            <SortableCard card={card} now={now} onMoveTo={onMoveTo} />
          </div>
        ) : null;
      })}
    </div>
  );
}
