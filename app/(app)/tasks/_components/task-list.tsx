"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { type ColumnDef, flexRender, getCoreRowModel, type SortingState, useReactTable } from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import type { TaskCard } from "@/server/services/tasks/task-card";
import { taskSorts } from "@/server/services/tasks/task.schema";
import { DueDate, PriorityBadge, TaskStatusBadge, useNow } from "@/components/tasks/task-badges";
import { useTRPC } from "@/components/trpc/react";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { DateTime } from "@/components/viewer/formatted";
import { useViewer } from "@/components/viewer/viewer-context";
import { ClearFilters } from "./task-filters";
import { hasFilters, LIST_PAGE_SIZE, listQueryInput } from "./tasks-query";
import { useAddress } from "@/components/filters/use-address";

type Sort = (typeof taskSorts)[number];
const isSort = (id: string): id is Sort => (taskSorts as readonly string[]).includes(id);

/** The list view: the same tasks as the board, as a table sorted by the server (the address keeps the sort and the page). */
export function TaskList() {
  const trpc = useTRPC();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const address = useAddress();
  const { timeZone } = useViewer();
  const input = listQueryInput(searchParams, timeZone);
  const { data } = useSuspenseQuery(trpc.task.list.queryOptions(input));
  const now = useNow();

  const columns = useMemo<ColumnDef<TaskCard>[]>(
    () => [
      {
        // Sortable columns read a field (TanStack Table sorts only those); the server does the sorting.
        id: "title",
        accessorKey: "title",
        header: "Task",
        cell: ({ row }) => (
          <div>
            <Link href={`/tasks/${row.original.id}`} className="font-medium text-brand-700 hover:underline">
              {row.original.title}
            </Link>
            {row.original.blockedBy.length > 0 && (
              <div className="text-xs text-red-800">Blocked by {row.original.blockedBy.map((task) => `“${task.title}”`).join(", ")}</div>
            )}
          </div>
        ),
      },
      { id: "status", accessorKey: "status", header: "Status", cell: ({ row }) => <TaskStatusBadge status={row.original.status} /> },
      { id: "priority", accessorKey: "priority", header: "Priority", cell: ({ row }) => <PriorityBadge priority={row.original.priority} /> },
      { id: "due", accessorKey: "dueAt", header: "Due", cell: ({ row }) => <DueDate dueAt={row.original.dueAt} done={row.original.status === "done"} now={now} /> },
      { id: "assignee", header: "Assignee", enableSorting: false, cell: ({ row }) => row.original.assigneeName ?? "Unassigned" },
      { id: "campaign", header: "Campaign", enableSorting: false, cell: ({ row }) => row.original.campaignName ?? "—" },
      { id: "updated", accessorKey: "updatedAt", header: "Updated", cell: ({ row }) => <DateTime value={row.original.updatedAt} /> },
    ],
    [now],
  );

  const sorting: SortingState = [{ id: input.sort ?? "due", desc: input.direction === "desc" }];
  // eslint-disable-next-line react-hooks/incompatible-library -- nothing here memoizes the table's functions
  const table = useReactTable({
    data: data.tasks,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = (typeof updater === "function" ? updater(sorting) : updater)[0];
      if (!next || !isSort(next.id)) return;
      address((params) => {
        params.set("sort", next.id);
        if (next.desc) params.set("dir", "desc");
        else params.delete("dir");
        params.delete("page");
      });
    },
  });

  if (data.total === 0) {
    return hasFilters(input) ? (
      <EmptyState title="No tasks match these filters">
        <p>Try another search, or clear the filters to see every task.</p>
        <div className="mt-4">
          <ClearFilters />
        </div>
      </EmptyState>
    ) : (
      <EmptyState title="No tasks yet">Create the first task and it shows up here and on the board.</EmptyState>
    );
  }

  const page = Math.floor((input.offset ?? 0) / LIST_PAGE_SIZE) + 1;
  const pageCount = Math.max(1, Math.ceil(data.total / LIST_PAGE_SIZE));
  const pageHref = (target: number) => {
    const params = new URLSearchParams(searchParams);
    if (target > 1) params.set("page", String(target));
    else params.delete("page");
    return `${pathname}?${params}`;
  };

  return (
    <div className="space-y-3">
      <div className="md:overflow-x-auto md:rounded-xl md:border md:border-slate-200 md:bg-white">
        <table className="card-table w-full text-left text-sm">
          <caption className="sr-only">Tasks</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className="px-4 py-2 font-medium"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 uppercase hover:text-slate-800">
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="md:divide-y md:divide-slate-100">
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50">
                {row.getVisibleCells().map((cell, i) =>
                  i === 0 ? (
                    <th key={cell.id} scope="row" className="px-4 py-2 font-normal">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </th>
                  ) : (
                    <td key={cell.id} data-label={String(cell.column.columnDef.header)} className="px-4 py-2 text-slate-600">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        page={page}
        pageCount={pageCount}
        first={(page - 1) * LIST_PAGE_SIZE + 1}
        shown={data.tasks.length}
        total={data.total}
        noun={{ one: "task", many: "tasks" }}
        href={pageHref}
      />
    </div>
  );
}
