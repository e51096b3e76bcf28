"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTRPC } from "@/components/trpc/react";
import { SelectField } from "@/components/ui/field";
import { workflowRunStatuses } from "@/db/schema/enum-values";
import { runStatusLabels } from "./status-badge";

/** Status and function filters, kept in the address so a filtered list can be shared and reloaded. */
export function RunsFilters({ status, functionId }: { status?: string; functionId?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { data: functions } = useSuspenseQuery(trpc.workflow.listFunctions.queryOptions());

  function setFilter(name: "status" | "function", value: string) {
    const params = new URLSearchParams(searchParams);
    if (value) params.set(name, value);
    else params.delete(name);
    const query = params.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  return (
    <form role="search" aria-label="Filter runs" className="grid gap-4 sm:grid-cols-2 md:max-w-xl" onSubmit={(event) => event.preventDefault()}>
      <SelectField label="Status" value={status ?? ""} onChange={(event) => setFilter("status", event.target.value)}>
        <option value="">All statuses</option>
        {workflowRunStatuses.map((value) => (
          <option key={value} value={value}>
            {runStatusLabels[value]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Function" value={functionId ?? ""} onChange={(event) => setFilter("function", event.target.value)}>
        <option value="">All functions</option>
        {functions.map((fn) => (
          <option key={fn.id} value={fn.id}>
            {fn.name}
          </option>
        ))}
        {functionId && !functions.some((fn) => fn.id === functionId) && <option value={functionId}>{functionId}</option>}
      </SelectField>
    </form>
  );
}
