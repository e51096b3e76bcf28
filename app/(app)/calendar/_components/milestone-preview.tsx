import type { CalendarMilestone } from "@/server/services/calendar/get-calendar-range";

export interface PreviewAt {
  milestone: CalendarMilestone & { when: string };
  /** Where it opens, in pixels from the calendar's top left corner: under the milestone. */
  top: number;
  left: number;
}

/** What a milestone is, shown on hover or keyboard focus: its campaign, its day and who owns the campaign. */
export function MilestonePreview({ id, at }: { id: string; at: PreviewAt }) {
  const { milestone } = at;
  return (
    <div
      id={id}
      role="tooltip"
      style={{ top: at.top, left: at.left }}
      className="pointer-events-none absolute z-30 w-64 rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-800 shadow-lg"
    >
      <p className="font-semibold">{milestone.name}</p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        <dt className="text-slate-600">Campaign</dt>
        <dd>{milestone.campaignName}</dd>
        <dt className="text-slate-600">Due</dt>
        <dd>{milestone.when}</dd>
        <dt className="text-slate-600">Owner</dt>
        <dd>{milestone.ownerName}</dd>
        {milestone.completed && (
          <>
            <dt className="text-slate-600">Status</dt>
            <dd>Done</dd>
          </>
        )}
      </dl>
    </div>
  );
}
