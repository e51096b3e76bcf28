import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { TIME_ZONE_COOKIE } from "@/components/browser-time-zone";
import { createTRPCContext } from "@/server/api/context";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";
import { hasRole } from "@/server/auth/roles";
import { PhoneFold } from "@/components/ui/phone-fold";
import { isKnownTimeZone } from "@/server/services/content/local-time";
import { CalendarFilters } from "./_components/calendar-filters";
import { rangeInput, readCalendarState } from "./_components/calendar-query";
import { CalendarView } from "./_components/calendar-view";
import { SubscribePanel } from "./_components/subscribe-panel";
import { visibleDays } from "./_components/visible-range";

export const metadata = { title: "Calendar" };

export default async function CalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { workspace } = await createTRPCContext();
  if (!workspace) redirect("/sign-in");
  const { view, date, ...filters } = readCalendarState(await searchParams);
  // The days on screen depend on the viewer's time zone: known from an earlier visit, they are asked for now and
  // arrive with the page; otherwise (or if the zone has changed since) the browser asks for them itself.
  const timeZone = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  if (timeZone && isKnownTimeZone(timeZone)) {
    const days = visibleDays(view, date ?? format(TZDate.tz(timeZone), "yyyy-MM-dd"));
    prefetch(trpc.calendar.range.queryOptions(rangeInput(days, view, timeZone, filters)));
  }
  prefetch(trpc.calendarFeed.get.queryOptions());

  return (
    <HydrateClient>
      <div className="space-y-6">
        <header>
          <h1 className="text-2xl font-bold tracking-tight">Calendar</h1>
          <p className="mt-1 text-sm text-slate-600">
            Campaigns, milestones and scheduled content for {workspace.name}, in your time zone.
            {hasRole(workspace.role, "marketer") ? " Drag a content item or a milestone to move it." : ""}
          </p>
        </header>
        <PhoneFold label="Filters" active={Object.values(filters).filter(Boolean).length}>
          <CalendarFilters filters={filters} />
        </PhoneFold>
        <CalendarView filters={filters} view={view} date={date} canEdit={hasRole(workspace.role, "marketer")} />
        <SubscribePanel />
      </div>
    </HydrateClient>
  );
}
