"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { campaignStatuses, campaignStatusLabels, channelLabels, channels } from "@/server/services/campaigns/campaign-labels";
import { useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import type { CalendarFilters as Filters } from "./calendar-query";

/** True once the browser has had a quiet moment after the first render. */
function useIdle(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback === "function") {
      const handle = window.requestIdleCallback(() => setIdle(true), { timeout: 1000 });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = setTimeout(() => setIdle(true), 300);
    return () => clearTimeout(timer);
  }, []);
  return idle;
}

/** Campaign, channel, owner and status, kept in the address so a filtered calendar can be shared and reloaded. */
export function CalendarFilters({ filters }: { filters: Filters }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  // Asked for once the page is up and idle, not with it: a big team's names would be most of the page's
  // weight, and they are needed only when someone opens a filter. Until then a chosen filter shows as chosen.
  const idle = useIdle();
  const { data: options } = useQuery({ ...trpc.calendar.filterOptions.queryOptions(), enabled: idle });
  const campaignOptions = options?.campaigns ?? [];
  const ownerOptions = options?.owners ?? [];

  function setFilter(name: "campaign" | "channel" | "owner" | "status", value: string) {
    // Read the address as it is now: the calendar keeps its period there too.
    const params = new URLSearchParams(window.location.search || searchParams.toString());
    if (value) params.set(name, value);
    else params.delete(name);
    const query = params.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  function clear() {
    const params = new URLSearchParams(window.location.search);
    for (const name of ["campaign", "channel", "owner", "status"]) params.delete(name);
    const query = params.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  const filtered = Boolean(filters.campaignId || filters.channel || filters.ownerId || filters.status);
  return (
    <form role="search" aria-label="Filter the calendar" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto] lg:items-end" onSubmit={(event) => event.preventDefault()}>
      <SelectField label="Campaign" value={filters.campaignId ?? ""} onChange={(event) => setFilter("campaign", event.target.value)}>
        <option value="">All campaigns</option>
        {campaignOptions.map((campaign) => (
          <option key={campaign.id} value={campaign.id}>
            {campaign.name}
          </option>
        ))}
        {filters.campaignId && !campaignOptions.some((campaign) => campaign.id === filters.campaignId) && (
          <option value={filters.campaignId}>The chosen campaign</option>
        )}
      </SelectField>
      <SelectField label="Channel" value={filters.channel ?? ""} onChange={(event) => setFilter("channel", event.target.value)}>
        <option value="">All channels</option>
        {channels.map((channel) => (
          <option key={channel} value={channel}>
            {channelLabels[channel]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Owner" value={filters.ownerId ?? ""} onChange={(event) => setFilter("owner", event.target.value)}>
        <option value="">Anyone</option>
        {ownerOptions.map((owner) => (
          <option key={owner.id} value={owner.id}>
            {owner.name}
          </option>
        ))}
        {filters.ownerId && !ownerOptions.some((owner) => owner.id === filters.ownerId) && <option value={filters.ownerId}>The chosen owner</option>}
      </SelectField>
      <SelectField label="Status" value={filters.status ?? ""} onChange={(event) => setFilter("status", event.target.value)}>
        <option value="">All but archived</option>
        {campaignStatuses.map((status) => (
          <option key={status} value={status}>
            {campaignStatusLabels[status]}
          </option>
        ))}
      </SelectField>
      {filtered && (
        <Button type="button" variant="ghost" onClick={clear}>
          Clear filters
        </Button>
      )}
    </form>
  );
}
