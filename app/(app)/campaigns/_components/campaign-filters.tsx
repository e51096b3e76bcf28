"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useAddressFilters } from "@/components/filters/use-address-filters";
import { campaignStatuses, campaignStatusLabels, campaignTypeLabels, campaignTypes, channelLabels, channels } from "@/server/services/campaigns/campaign-labels";
import { useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

const FILTER_NAMES = ["q", "status", "type", "owner", "channel", "from", "to"] as const;

/** Search and filters, kept in the address. Any change goes back to the first page. */
export function CampaignFilters() {
  const trpc = useTRPC();
  const { searchParams, search, setSearch, set, update, submitSearch } = useAddressFilters();
  const { data: members } = useSuspenseQuery(trpc.member.list.queryOptions());

  const filtered = FILTER_NAMES.some((name) => searchParams.has(name));
  return (
    <form
      role="search"
      aria-label="Filter campaigns"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
      onSubmit={(event) => {
        event.preventDefault();
        submitSearch();
      }}
    >
      <TextField label="Search" type="search" placeholder="Name or audience" value={search} onChange={(event) => setSearch(event.target.value)} />
      <SelectField label="Status" value={searchParams.get("status") ?? ""} onChange={(event) => set("status", event.target.value)}>
        <option value="">All but archived</option>
        {campaignStatuses.map((status) => (
          <option key={status} value={status}>
            {campaignStatusLabels[status]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Type" value={searchParams.get("type") ?? ""} onChange={(event) => set("type", event.target.value)}>
        <option value="">All types</option>
        {campaignTypes.map((type) => (
          <option key={type} value={type}>
            {campaignTypeLabels[type]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Owner" value={searchParams.get("owner") ?? ""} onChange={(event) => set("owner", event.target.value)}>
        <option value="">Anyone</option>
        {members.map((member) => (
          <option key={member.userId} value={member.userId}>
            {member.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Channel" value={searchParams.get("channel") ?? ""} onChange={(event) => set("channel", event.target.value)}>
        <option value="">All channels</option>
        {channels.map((channel) => (
          <option key={channel} value={channel}>
            {channelLabels[channel]}
          </option>
        ))}
      </SelectField>
      <TextField label="Running from" type="date" value={searchParams.get("from") ?? ""} onChange={(event) => set("from", event.target.value)} />
      <TextField label="Running until" type="date" value={searchParams.get("to") ?? ""} onChange={(event) => set("to", event.target.value)} />
      <div className="flex items-end">
        {filtered && (
          <Button
            type="button"
            variant="ghost"
            onClick={() => {
              setSearch("");
              update((params) => FILTER_NAMES.forEach((name) => params.delete(name)));
            }}
          >
            Clear filters
          </Button>
        )}
      </div>
    </form>
  );
}
