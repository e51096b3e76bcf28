"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useTRPC } from "@/components/trpc/react";
import { taskStatusLabels } from "@/server/services/tasks/task-status";

/** The search as typed, a moment after typing stops: one request per pause, not per key. */
function useSettled(value: string, ms = 250): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Finds a task of the workspace by its title and hands it to `onPick`; `exclude` are not offered (itself, those already picked). */
export function TaskPicker({
  label,
  exclude,
  onPick,
  disabled,
}: {
  label: string;
  exclude: string[];
  onPick: (task: { id: string; title: string }) => void;
  disabled?: boolean;
}) {
  const trpc = useTRPC();
  const id = useId();
  const [search, setSearch] = useState("");
  const query = useSettled(search.trim());
  const results = useQuery({ ...trpc.task.list.queryOptions({ search: query, limit: 8, sort: "updated", direction: "desc" }), enabled: query.length > 0 });
  const offered = (results.data?.tasks ?? []).filter((task) => !exclude.includes(task.id));

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={search}
        disabled={disabled}
        placeholder="Search tasks by title"
        autoComplete="off"
        onChange={(event) => setSearch(event.target.value)}
        onKeyDown={(event) => {
          // Enter picks the only match rather than submitting the form around the picker.
          if (event.key !== "Enter") return;
          event.preventDefault();
          if (offered.length === 1) {
            onPick(offered[0]!);
            setSearch("");
          }
        }}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/20"
      />
      <div aria-live="polite">
        {query.length > 0 && results.data && offered.length === 0 && <p className="text-sm text-slate-500">No task matches “{query}”.</p>}
        {offered.length > 0 && (
          <ul aria-label={`Tasks matching “${query}”`} className="max-h-56 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200 bg-white">
            {offered.map((task) => (
              <li key={task.id}>
                <button
                  type="button"
                  aria-label={`Add “${task.title}”`}
                  className="flex w-full items-baseline justify-between gap-3 px-3 py-2 text-left text-sm hover:bg-slate-50 focus:bg-slate-50 focus:outline-none"
                  onClick={() => {
                    onPick({ id: task.id, title: task.title });
                    setSearch("");
                  }}
                >
                  <span className="font-medium text-slate-900">{task.title}</span>
                  <span className="shrink-0 text-xs text-slate-500">
                    {taskStatusLabels[task.status]}
                    {task.campaignName ? ` · ${task.campaignName}` : ""}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
