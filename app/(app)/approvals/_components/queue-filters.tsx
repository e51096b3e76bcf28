"use client";

import { useQuery } from "@tanstack/react-query";
import { useAddressFilters } from "@/components/filters/use-address-filters";
import { useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { channelLabels, channels } from "@/server/services/campaigns/campaign-labels";
import { FILTER_NAMES } from "./queue-query";

const channelOptions = channels.map((channel) => ({ id: channel, name: channelLabels[channel] }));
const stageOptions = [1, 2, 3, 4, 5].map((stage) => ({ id: String(stage), name: `Stage ${stage}` }));

/** One filter: "all" (no value) or one of `options`. */
function FilterSelect({ label, value, onChange, all, options }: { label: string; value: string; onChange: (value: string) => void; all: string; options: { id: string; name: string }[] }) {
  return (
    <SelectField label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{all}</option>
      {options.map((option) => (
        <option key={option.id} value={option.id}>
          {option.name}
        </option>
      ))}
    </SelectField>
  );
}

/** Campaign, channel, requester, stage, overdue and the order, all kept in the address. */
export function QueueFilters({ decided }: { decided: boolean }) {
  const trpc = useTRPC();
  const options = useQuery(trpc.task.options.queryOptions());
  const { searchParams, set, update } = useAddressFilters();
  const value = (name: string) => searchParams.get(name) ?? "";
  const active = FILTER_NAMES.some((name) => searchParams.get(name));

  return (
    <form aria-label="Filters" onSubmit={(event) => event.preventDefault()} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6 lg:items-end">
      <FilterSelect label="Campaign" value={value("campaign")} onChange={(chosen) => set("campaign", chosen)} all="All campaigns" options={options.data?.campaigns ?? []} />
      <FilterSelect label="Channel" value={value("channel")} onChange={(chosen) => set("channel", chosen)} all="All channels" options={channelOptions} />
      <FilterSelect label="Requester" value={value("requester")} onChange={(chosen) => set("requester", chosen)} all="Anyone" options={options.data?.members ?? []} />
      <FilterSelect label="Stage" value={value("stage")} onChange={(chosen) => set("stage", chosen)} all="Any stage" options={stageOptions} />
      {!decided && (
        <SelectField label="Sort by" value={value("sort") || "due"} onChange={(event) => set("sort", event.target.value === "due" ? "" : event.target.value)}>
          <option value="due">Due soonest</option>
          <option value="age">Oldest first</option>
        </SelectField>
      )}
      <div className="flex flex-wrap items-center gap-3 pb-1">
        <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" checked={value("overdue") === "1"} onChange={(event) => set("overdue", event.target.checked ? "1" : "")} className="h-4 w-4 accent-brand-600" />
          Overdue only
        </label>
        {active && (
          <Button type="button" variant="ghost" className="px-2 py-1" onClick={() => update((params) => FILTER_NAMES.forEach((name) => params.delete(name)))}>
            Clear filters
          </Button>
        )}
      </div>
    </form>
  );
}
