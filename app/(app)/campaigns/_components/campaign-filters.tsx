"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { campaignStatuses, campaignStatusLabels, campaignTypeLabels, campaignTypes, channelLabels, channels } from "@/server/services/campaigns/campaign-labels";
import { useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

const FILTER_NAMES = ["q", "status", "type", "owner", "channel", "from", "to"] as const;

/** Search and filters, kept in the address. Any change goes back to the first page. */
export function CampaignFilters() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { data: members } = useSuspenseQuery(trpc.member.list.queryOptions());
  const [search, setSearch] = useState(searchParams.get("q") ?? "");

  function update(change: (params: URLSearchParams) => void) {
    const params = new URLSearchParams(searchParams);
    change(params);
    params.delete("page");
    const query = params.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }
  const set = (name: string, value: string) => update((params) => (value ? params.set(name, value) : params.delete(name)));

  // Typing searches after a short pause rather than on every key.
  useEffect(() => {
    if (search === (searchParams.get("q") ?? "")) return;
    const timer = setTimeout(() => set("q", search.trim()), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);

  const filtered = FILTER_NAMES.some((name) => searchParams.has(name));
  return (
    <form
      role="search"
      aria-label="Filter campaigns"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
      onSubmit={(event) => {
        event.preventDefault();
        set("q", search.trim());
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
