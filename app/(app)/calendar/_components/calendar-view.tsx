"use client";

import type { DatesSetArg, DayCellContentArg, DayCellMountArg, EventClickArg, EventContentArg, EventDropArg, EventMountArg } from "@fullcalendar/core";
import dayGridPlugin from "@fullcalendar/daygrid";
import interactionPlugin from "@fullcalendar/interaction";
import listPlugin from "@fullcalendar/list";
import FullCalendar from "@fullcalendar/react";
import timeGridPlugin from "@fullcalendar/timegrid";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { clsx } from "clsx";
import { addDays, addMonths, addWeeks } from "date-fns";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { browserTimeZone } from "@/components/browser-time-zone";
import { useViewer } from "@/components/viewer/viewer-context";
import { type Viewer, formatDateTime, formatDay, uses12HourClock } from "@/server/services/date-time";
import { channelLabels, channels } from "@/server/services/campaigns/campaign-labels";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { type CalendarEventProps, channelColors, localDateTime, localDay, toCalendarEvents } from "./calendar-events";
import { type CalendarFilters, type CalendarViewName, calendarViews, rangeInput } from "./calendar-query";
import { MilestonePreview, type PreviewAt } from "./milestone-preview";
import { visibleDays } from "./visible-range";

const noSubscription = () => () => {};
/** False while rendering on the server: the calendar draws in the browser's time zone only. */
const useInBrowser = () => useSyncExternalStore(noSubscription, () => true, () => false);

const viewNames = Object.fromEntries(Object.entries(calendarViews).map(([name, view]) => [view, name])) as Record<string, CalendarViewName>;

/** Where a dragged item landed, as every page writes dates: a time in the viewer's zone, or the day it now falls on. */
function describeWhen(viewer: Viewer, date: Date, withTime: boolean): string {
  return withTime ? formatDateTime(viewer, date) : formatDay(viewer, localDay(date));
}

/** FullCalendar writes its titles, headers and hours with Intl in the viewer's locale and clock (12 or 24 hours), keeping its own English words. */
function calendarFormats(viewer: Viewer) {
  const hour12 = uses12HourClock(viewer.locale);
  const time = { hour: hour12 ? "numeric" : "2-digit", minute: "2-digit", hour12 } as const;
  return {
    locale: { code: viewer.locale },
    time,
    views: { timeGridWeek: { dayHeaderFormat: { weekday: "short", day: "numeric", month: "short" } as const }, dayGridMonth: { dayHeaderFormat: { weekday: "short" } as const } },
  };
}

interface Moved {
  message: string;
  /** Puts the event back where it was; absent once undone. */
  undo?: () => Promise<void>;
}

interface VisibleRange {
  from: string;
  to: string;
  label: string;
  view: CalendarViewName;
}

/** Conflicts listed above the grid before "Show N more". */
const SHOWN_CONFLICTS = 5;

function ConflictList({ conflicts }: { conflicts: { kind: string; day?: string; message: string }[] }) {
  return (
    <ul className="mt-1 list-disc space-y-0.5 pl-5">
      {conflicts.map((conflict) => (
        <li key={`${conflict.kind}:${conflict.day ?? ""}:${conflict.message}`}>{conflict.message}</li>
      ))}
    </ul>
  );
}

// FullCalendar redraws everything when an option changes identity, so the options that never change are made once.
const plugins = [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];

/** A day number with a warning sign that names the day's conflicts to screen readers and on hover. */
function conflictDayNumber(dayNumber: string, messages: string[]): HTMLElement {
  const warning = document.createElement("span");
  warning.setAttribute("role", "img");
  warning.setAttribute("aria-label", `Warning: ${messages.join(" ")}`);
  warning.title = messages.join("\n");
  warning.className = "text-amber-600";
  warning.textContent = "⚠";
  const cell = document.createElement("span");
  cell.className = "inline-flex items-center gap-1";
  cell.append(warning, dayNumber);
  return cell;
}

/** The rest of a busy period's conflicts behind "Show N more", put in the page only once opened: hundreds of hidden items still cost every layout. */
function MoreConflicts({ conflicts }: { conflicts: { kind: string; day?: string; message: string }[] }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-1" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer font-medium">Show {conflicts.length} more</summary>
      {open && <ConflictList conflicts={conflicts} />}
    </details>
  );
}

/** A day cell named by its content: FullCalendar names it by its date alone, which hides what is planned on it. */
function dayCellDidMount(arg: DayCellMountArg) {
  arg.el.removeAttribute("aria-labelledby");
}

/** Marks a milestone so its preview can find it on hover or focus. */
function eventDidMount(arg: EventMountArg) {
  const props = arg.event.extendedProps as CalendarEventProps;
  if (props.kind === "milestone") arg.el.dataset.milestoneId = props.id;
}

/**
 * A milestone in a grid: its name, then its campaign on a line of its own, so neither is cut to "Milesto".
 * Its link still reads "Milestone: name · campaign". Plain DOM, as for the day numbers.
 */
function eventContent(arg: EventContentArg) {
  const props = arg.event.extendedProps as CalendarEventProps;
  if (props.kind !== "milestone" || arg.view.type.startsWith("list")) return true;
  const line = (className: string, hidden: string, text: string) => {
    const element = document.createElement("span");
    element.className = className;
    const sr = document.createElement("span");
    sr.className = "sr-only";
    sr.textContent = hidden;
    element.append(sr, text);
    return element;
  };
  const frame = document.createElement("span");
  frame.className = "crescendo-milestone-text";
  frame.append(line("crescendo-milestone-name", "Milestone: ", props.name), line("crescendo-milestone-campaign", " · ", props.campaignName ?? ""));
  return { domNodes: [frame] };
}

/** Phones start on the list: a month grid is seven columns of cut-off names at that width. */
const PHONE_QUERY = "(max-width: 639.98px)";

const periodNames: Record<CalendarViewName, string> = { month: "month", week: "week", day: "day", list: "month" };
const viewLabels: Record<CalendarViewName, string> = { month: "Month", week: "Week", day: "Day", list: "List" };

export function CalendarView({ filters, view, date, canEdit }: { filters: CalendarFilters; view: CalendarViewName; date?: string; canEdit: boolean }) {
  const inBrowser = useInBrowser();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [shownRange, setShownRange] = useState<VisibleRange | null>(null);
  const calendar = useRef<FullCalendar>(null);
  const [timeZone] = useState(browserTimeZone);
  const viewer = useViewer();
  const formats = useMemo(() => calendarFormats(viewer), [viewer]);
  const [moved, setMoved] = useState<Moved | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [preview, setPreview] = useState<PreviewAt | null>(null);
  const dragging = useRef(false);
  // Without a view in the address, a phone gets the list (the address then says so, and reloads keep it).
  const startView = useMemo<CalendarViewName>(
    () => (inBrowser && !new URLSearchParams(window.location.search).has("view") && window.matchMedia(PHONE_QUERY).matches ? "list" : view),
    [inBrowser, view],
  );

  // Until FullCalendar reports what it shows, the address says which days it will show: the data is asked for while it loads.
  const expectedRange = useMemo<VisibleRange | null>(
    () => (inBrowser ? { ...visibleDays(startView, date ?? localDay(new Date())), label: "", view: startView } : null),
    [inBrowser, startView, date],
  );
  const range = shownRange ?? expectedRange;

  const input = range ? rangeInput(range, range.view, timeZone, filters) : null;
  const query = useQuery({
    ...trpc.calendar.range.queryOptions(input ?? { from: "1970-01-01", to: "1970-01-01", timeZone }),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const shownView = range?.view ?? startView;
  const asList = shownView === "list" || shownView === "day";
  const events = useMemo(() => (data ? toCalendarEvents(data, canEdit, asList) : []), [data, canEdit, asList]);
  const conflictDays = useMemo(() => {
    const days = new Map<string, string[]>();
    for (const conflict of data?.conflicts ?? []) if (conflict.day) days.set(conflict.day, [...(days.get(conflict.day) ?? []), conflict.message]);
    return days;
  }, [data]);

  const rescheduleContent = useMutation(trpc.content.reschedule.mutationOptions());
  const rescheduleMilestone = useMutation(trpc.milestone.reschedule.mutationOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.calendar.range.pathFilter());

  const onDatesSet = useCallback((arg: DatesSetArg) => {
    // A refusal is about the drag just made; another period or view is a fresh start.
    setFailure(null);
    setPreview(null);
    // FullCalendar's end is exclusive; the range's last day is included.
    const last = new Date(arg.end.getTime() - 1);
    setShownRange({ from: localDay(arg.start), to: localDay(last), label: arg.view.title, view: viewNames[arg.view.type] ?? "month" });
    // The period and view go in the address without a navigation, so reload and back return here.
    const params = new URLSearchParams(window.location.search);
    params.set("view", viewNames[arg.view.type] ?? "month");
    params.set("date", localDay(arg.view.currentStart));
    window.history.replaceState(null, "", `${window.location.pathname}?${params.toString()}`);
  }, []);

  // Previous, next and today answer at once: a month's heading and the request for its days change in this
  // frame, and FullCalendar redraws its grid in the next one. Quick clicks add up from the last one asked for.
  const pendingDate = useRef<Date | null>(null);
  function movePeriod(step: -1 | 1 | "today") {
    const api = calendar.current?.getApi();
    if (!api) return;
    const shown = viewNames[api.view.type] ?? "month";
    const from = pendingDate.current ?? api.getDate();
    const target =
      step === "today" ? new Date() : shown === "month" || shown === "list" ? addMonths(from, step) : shown === "week" ? addWeeks(from, step) : addDays(from, step);
    pendingDate.current = target;
    if (shown === "month" || shown === "list") {
      setShownRange({ ...visibleDays(shown, localDay(target)), label: api.formatDate(target, { month: "long", year: "numeric" }), view: shown });
    }
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (pendingDate.current === target) pendingDate.current = null;
        api.gotoDate(target);
      }),
    );
  }

  async function moveEvent(info: EventDropArg) {
    const props = info.event.extendedProps as CalendarEventProps;
    const start = info.event.start;
    const previous = info.oldEvent.start;
    if (!start || !previous) return info.revert();
    setFailure(null);
    setMoved(null);
    try {
      if (props.kind === "content") {
        await rescheduleContent.mutateAsync({ contentItemId: props.id, localDateTime: localDateTime(start), timeZone });
        const undo = async () => {
          await rescheduleContent.mutateAsync({ contentItemId: props.id, localDateTime: localDateTime(previous), timeZone });
          setMoved({ message: `Moved “${props.name}” back to ${describeWhen(viewer, previous, true)}` });
          await refresh();
        };
        setMoved({ message: `Moved “${props.name}” to ${describeWhen(viewer, start, true)}`, undo });
      } else if (props.kind === "milestone") {
        const result = await rescheduleMilestone.mutateAsync({ milestoneId: props.id, dueDate: localDay(start) });
        const undo = async () => {
          await rescheduleMilestone.mutateAsync({ milestoneId: props.id, dueDate: result.previousDueDate });
          setMoved({ message: `Moved “${props.name}” back to ${describeWhen(viewer, previous, false)}` });
          await refresh();
        };
        setMoved({ message: `Moved “${props.name}” to ${describeWhen(viewer, start, false)}`, undo });
      } else {
        info.revert();
        return;
      }
    } catch (error) {
      info.revert();
      setFailure(errorMessage(error));
      return;
    }
    await refresh();
  }

  // A drop needs this render's mutations and zone, but FullCalendar must keep one handler (see plugins).
  const latestMove = useRef(moveEvent);
  useEffect(() => {
    latestMove.current = moveEvent;
  });
  const onEventDrop = useCallback((info: EventDropArg) => latestMove.current(info), []);

  async function onUndo() {
    if (!moved?.undo) return;
    const undo = moved.undo;
    setMoved({ message: moved.message });
    try {
      await undo();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }

  const onDragStart = useCallback(() => {
    dragging.current = true;
    setPreview(null);
  }, []);
  const onDragStop = useCallback(() => {
    dragging.current = false;
  }, []);

  const onEventClick = useCallback((info: EventClickArg) => {
    // Events are links (so the keyboard reaches them); stay in the app instead of reloading it.
    if (!info.event.url) return;
    info.jsEvent.preventDefault();
    const props = info.event.extendedProps as CalendarEventProps;
    if (props.kind === "more") calendar.current?.getApi().changeView(calendarViews.day, props.id);
    else router.push(info.event.url);
  }, [router]);

  // Plain DOM, not JSX: FullCalendar draws React content through a portal per cell and then measures the whole grid again.
  const dayCellContent = useCallback(
    (arg: DayCellContentArg) => {
      const messages = conflictDays.get(localDay(arg.date));
      return messages ? { domNodes: [conflictDayNumber(arg.dayNumberText, messages)] } : arg.dayNumberText;
    },
    [conflictDays],
  );

  const milestonesById = useMemo(() => new Map((data?.milestones ?? []).map((milestone) => [milestone.id, milestone])), [data]);
  // One set of handlers on the calendar for every milestone (hover and keyboard focus), rather than one per event.
  function showPreview(target: EventTarget, container: HTMLElement) {
    if (dragging.current || !(target instanceof Element)) return;
    const element = target.closest<HTMLElement>("[data-milestone-id]");
    const milestone = element ? milestonesById.get(element.dataset.milestoneId!) : undefined;
    if (!element || !milestone) return;
    const box = element.getBoundingClientRect();
    const frame = container.getBoundingClientRect();
    setPreview({
      milestone: { ...milestone, when: formatDay(viewer, milestone.dueDate) },
      top: box.bottom - frame.top + 4,
      left: Math.max(0, Math.min(box.left - frame.left, frame.width - 272)),
    });
    element.querySelector("a")?.setAttribute("aria-describedby", "calendar-preview");
    if (element.tagName === "A") element.setAttribute("aria-describedby", "calendar-preview");
  }
  function hidePreview(event: React.FocusEvent | React.MouseEvent) {
    const leftFor = event.relatedTarget instanceof Element ? event.relatedTarget.closest("[data-milestone-id]") : null;
    if (leftFor && leftFor === (event.target as Element).closest("[data-milestone-id]")) return;
    setPreview(null);
  }

  const nothingPlanned = data && data.campaigns.length === 0 && data.milestones.length === 0 && data.contentItems.length === 0;

  return (
    <div className="space-y-4">
      <div aria-live="polite" className="space-y-2">
        {failure && <Alert>{failure}</Alert>}
        {moved && (
          <div role="status" className="flex flex-wrap items-center gap-3 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            <span>{moved.message}</span>
            {moved.undo && (
              <Button variant="secondary" className="px-2.5 py-1" onClick={onUndo}>
                Undo
              </Button>
            )}
          </div>
        )}
        {query.error && <Alert>{errorMessage(query.error)}</Alert>}
      </div>

      {data && data.conflicts.length > 0 && (
        <section role="alert" aria-label="Conflicts" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <h2 className="font-semibold">
            {data.conflicts.length === 1 ? "1 conflict" : `${data.conflicts.length} conflicts`} in this period
          </h2>
          <ConflictList conflicts={data.conflicts.slice(0, SHOWN_CONFLICTS)} />
          {data.conflicts.length > SHOWN_CONFLICTS && (
            // A busy month can hold hundreds; the first few lead, the rest are a click away (and marked on their days).
            <MoreConflicts conflicts={data.conflicts.slice(SHOWN_CONFLICTS)} />
          )}
        </section>
      )}

      {nothingPlanned && shownRange && (
        <EmptyState title={`Nothing is planned for ${shownRange.label}`}>
          Campaigns, milestones and scheduled content show up here. Try another period or clear the filters.
        </EmptyState>
      )}

      <ul aria-label="Channel colours" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        {channels.map((channel) => (
          <li key={channel} className="inline-flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: channelColors[channel] }} />
            {channelLabels[channel]}
          </li>
        ))}
        <li className="inline-flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-3 w-3 rounded-sm border border-amber-500 bg-amber-100" />
          Milestone
        </li>
        <li className="inline-flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-3 w-3 rounded-sm border border-slate-300 bg-slate-200" />
          Campaign
        </li>
        <li className="inline-flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-3 w-3 rounded-sm border border-red-300 bg-red-100" />
          Blackout day
        </li>
      </ul>

      <div
        className="crescendo-calendar relative rounded-lg border border-slate-200 bg-white p-3"
        aria-busy={query.isFetching}
        onMouseOver={(event) => showPreview(event.target, event.currentTarget)}
        onMouseOut={hidePreview}
        onFocus={(event) => showPreview(event.target, event.currentTarget)}
        onBlur={hidePreview}
        onKeyDown={(event) => event.key === "Escape" && setPreview(null)}
      >
        {preview && <MilestonePreview id="calendar-preview" at={preview} />}
        {/* Our own toolbar: buttons named for what they do ("Next month"), with no icon font. */}
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <div className="flex gap-2">
            <Button type="button" variant="secondary" onClick={() => movePeriod(-1)}>
              <span aria-hidden>‹</span> Previous {periodNames[shownView]}
            </Button>
            <Button type="button" variant="secondary" onClick={() => movePeriod(1)}>
              Next {periodNames[shownView]} <span aria-hidden>›</span>
            </Button>
            <Button type="button" variant="ghost" onClick={() => movePeriod("today")}>
              Today
            </Button>
          </div>
          <h2 className="text-lg font-semibold">{range?.label ?? ""}</h2>
          <div role="group" aria-label="View" className="inline-flex rounded-md border border-slate-300">
            {(Object.keys(calendarViews) as CalendarViewName[]).map((name) => (
              <button
                key={name}
                type="button"
                aria-pressed={shownView === name}
                onClick={() => calendar.current?.getApi().changeView(calendarViews[name])}
                className={clsx("px-3 py-1.5 text-sm font-medium first:rounded-l-md last:rounded-r-md", shownView === name ? "bg-slate-800 text-white" : "bg-white text-slate-700 hover:bg-slate-50")}
              >
                {viewLabels[name]}
              </button>
            ))}
          </div>
        </div>
        {inBrowser ? (
          <FullCalendar
            ref={calendar}
            plugins={plugins}
            initialView={calendarViews[startView]}
            initialDate={date}
            timeZone="local"
            firstDay={1}
            headerToolbar={false}
            height="auto"
            events={events}
            eventOrder="rank,start,-duration,title"
            // The month is summarised by the server (a few things a day and "+N more"); elsewhere a few all-day events, then FullCalendar's own "+N more".
            dayMaxEvents={shownView === "month" ? false : 4}
            editable={canEdit}
            eventDurationEditable={false}
            locale={formats.locale}
            views={formats.views}
            eventTimeFormat={formats.time}
            slotLabelFormat={formats.time}
            noEventsContent="Nothing is planned in this period."
            datesSet={onDatesSet}
            eventDrop={onEventDrop}
            eventClick={onEventClick}
            dayCellContent={dayCellContent}
            dayCellDidMount={dayCellDidMount}
            eventDidMount={eventDidMount}
            eventContent={eventContent}
            eventDragStart={onDragStart}
            eventDragStop={onDragStop}
          />
        ) : (
          <p className="px-2 py-10 text-center text-sm text-slate-600">Loading the calendar…</p>
        )}
      </div>
    </div>
  );
}
