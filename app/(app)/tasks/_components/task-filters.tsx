"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { taskPriorities } from "@/db/schema/enum-values";
import { taskPriorityLabels } from "@/server/services/tasks/task-status";
import { useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FILTER_NAMES } from "./tasks-query";
import { useAddress } from "@/components/filters/use-address";
import { useAddressFilters } from "@/components/filters/use-address-filters";

const dueLabels = { today: "Due today", overdue: "Overdue", week: "Due this week" } as const;

/** Search and filters, kept in the address; any change goes back to the list's first page. */
export function TaskFilters() {
  const trpc = useTRPC();
  const { searchParams, search, setSearch, set, update, submitSearch } = useAddressFilters();
  const { data: options } = useSuspenseQuery(trpc.task.options.queryOptions());

  const mine = searchParams.get("mine") === "1";
  const filtered = FILTER_NAMES.some((name) => searchParams.has(name));
  return (
    <form
      role="search"
      aria-label="Filter tasks"
      className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6"
      onSubmit={(event) => {
        event.preventDefault();
        submitSearch();
      }}
    >
      <TextField label="Search" type="search" placeholder="Task title" value={search} onChange={(event) => setSearch(event.target.value)} />
      <SelectField label="Campaign" value={searchParams.get("campaign") ?? ""} onChange={(event) => set("campaign", event.target.value)}>
        <option value="">All campaigns</option>
        {options.campaigns.map((campaign) => (
          <option key={campaign.id} value={campaign.id}>
            {campaign.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Assignee"
        value={mine ? "mine" : (searchParams.get("assignee") ?? "")}
        onChange={(event) =>
          update((params) => {
            params.delete("assignee");
            params.delete("mine");
            if (event.target.value === "mine") params.set("mine", "1");
            else if (event.target.value) params.set("assignee", event.target.value);
          })
        }
      >
        <option value="">Anyone</option>
        <option value="mine">My tasks</option>
        {options.members.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Due" value={searchParams.get("due") ?? ""} onChange={(event) => set("due", event.target.value)}>
        <option value="">Any time</option>
        {Object.entries(dueLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <SelectField label="Skill" value={searchParams.get("skill") ?? ""} onChange={(event) => set("skill", event.target.value)}>
        <option value="">Any skill</option>
        {options.skills.map((skill) => (
          <option key={skill} value={skill}>
            {skill}
          </option>
        ))}
      </SelectField>
      <SelectField label="Priority" value={searchParams.get("priority") ?? ""} onChange={(event) => set("priority", event.target.value)}>
        <option value="">Any priority</option>
        {taskPriorities.map((priority) => (
          <option key={priority} value={priority}>
            {taskPriorityLabels[priority]}
          </option>
        ))}
      </SelectField>
      {filtered && (
        <div className="flex items-end sm:col-span-3 lg:col-span-6">
          <ClearFilters />
        </div>
      )}
    </form>
  );
}

/** Takes every filter out of the address (the view and sort stay). */
export function ClearFilters() {
  const address = useAddress();
  return (
    <Button
      type="button"
      variant="secondary"
      onClick={() => {
        address((params) => {
          FILTER_NAMES.forEach((name) => params.delete(name));
          params.delete("page");
        });
      }}
    >
      Clear filters
    </Button>
  );
}
