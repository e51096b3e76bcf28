"use client";

import Link from "next/link";
import { memo } from "react";
import type { TaskStatus } from "@/db/schema/enum-values";
import type { TaskCard as Card } from "@/server/services/tasks/task-card";
import { taskMoves, taskStatusLabels } from "@/server/services/tasks/task-status";
import { DueDate, PriorityBadge } from "@/components/tasks/task-badges";

/**
 * A card's face: everything a marketer scans for, without the drag machinery (so
 * the drag overlay can show it too). Memoised with props that stay the same during
 * a drag, so moving a card over a long column redraws none of the faces.
 */
export const TaskCardFace = memo(function TaskCardFace({
  card,
  now,
  onMoveTo,
}: {
  card: Card;
  now: number | null;
  /** The non-drag way to move: a menu of the columns the card may go to. */
  onMoveTo?: (card: Card, status: TaskStatus) => void;
}) {
  return (
    <article aria-label={card.title} className="rounded-lg border border-slate-200 bg-white p-3 pl-9 shadow-sm">
      <div>
        <div className="min-w-0 space-y-1.5">
          <h3 className="text-sm font-medium leading-snug text-slate-900">
            <Link href={`/tasks/${card.id}`} className="hover:text-brand-700 hover:underline">
              {card.title}
            </Link>
          </h3>
          {card.campaignName && <p className="truncate text-xs text-slate-500">{card.campaignName}</p>}
          {card.blockedBy.length > 0 && (
            <p className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800">
              Blocked by {card.blockedBy.map((task) => `“${task.title}”`).join(", ")}
            </p>
          )}
          {card.status === "blocked" && card.blockedReason && (
            <p className="text-xs text-red-800">
              <span className="font-medium">Blocked:</span> {card.blockedReason}
            </p>
          )}
          <div className="flex flex-wrap items-center gap-1.5 text-xs">
            <PriorityBadge priority={card.priority} />
            {card.requiredSkills.map((skill) => (
              <span key={skill} className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">
                {skill}
              </span>
            ))}
          </div>
          <div className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1 text-xs">
            <DueDate dueAt={card.dueAt} done={card.status === "done"} now={now} />
            <Assignee name={card.assigneeName} />
          </div>
          {card.assignmentReason && <p className="text-xs italic text-slate-600">{card.assignmentReason}</p>}
          {onMoveTo && <MoveMenu card={card} onMoveTo={onMoveTo} />}
        </div>
      </div>
    </article>
  );
});

/** Moving without dragging (phones, people who don't drag): the columns the status machine allows from here. */
function MoveMenu({ card, onMoveTo }: { card: Card; onMoveTo: (card: Card, status: TaskStatus) => void }) {
  return (
    <select
      aria-label={`Move “${card.title}” to`}
      value=""
      onChange={(event) => onMoveTo(card, event.target.value as TaskStatus)}
      className="mt-0.5 rounded border border-slate-200 bg-white px-1.5 py-0.5 text-xs text-slate-600 hover:border-slate-300"
    >
      <option value="" disabled>
        Move to…
      </option>
      {taskMoves[card.status].map((status) => (
        <option key={status} value={status}>
          {taskStatusLabels[status]}
        </option>
      ))}
    </select>
  );
}

function Assignee({ name }: { name: string | null }) {
  if (!name) return <span className="text-slate-500">Unassigned</span>;
  const initials = name
    .split(/\s+/)
    .map((word) => word[0])
    .slice(0, 2)
    .join("")
    .toUpperCase();
  return (
    <span className="inline-flex items-center gap-1.5 text-slate-700">
      <span aria-hidden="true" className="grid size-5 place-items-center rounded-full bg-brand-100 text-[10px] font-semibold text-brand-800">
        {initials}
      </span>
      {name}
    </span>
  );
}
