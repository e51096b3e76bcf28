import { redirect } from "next/navigation";
import { createTRPCContext } from "@/server/api/context";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";
import { hasRole } from "@/server/api/trpc";
import { CalendarFilters } from "./_components/calendar-filters";
import { filterCampaignsInput, readCalendarState } from "./_components/calendar-query";
import { CalendarView } from "./_components/calendar-view";
import { SubscribePanel } from "./_components/subscribe-panel";

export const metadata = { title: "Calendar" };

export default async function CalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { workspace } = await createTRPCContext();
  if (!workspace) redirect("/sign-in");
  const { view, date, ...filters } = readCalendarState(await searchParams);
  // The range itself is asked for by the browser: it depends on the viewer's time zone and the period on screen.
  prefetch(trpc.campaign.list.queryOptions(filterCampaignsInput));
  prefetch(trpc.member.list.queryOptions());
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
        <CalendarFilters filters={filters} />
        <CalendarView filters={filters} view={view} date={date} canEdit={hasRole(workspace.role, "marketer")} />
        <SubscribePanel />
      </div>
    </HydrateClient>
  );
}
