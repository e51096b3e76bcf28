"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { tasksView, type TasksView } from "./tasks-query";

const views: { view: TasksView; label: string }[] = [
  { view: "board", label: "Board" },
  { view: "list", label: "List" },
];

/** Board or list, kept in the address with the filters (the list's sort and page stay behind when going to the board). */
export function ViewToggle() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const current = tasksView(searchParams);
  const href = (view: TasksView) => {
    const params = new URLSearchParams(searchParams);
    params.delete("page");
    if (view === "list") params.set("view", "list");
    else params.delete("view");
    const query = params.toString();
    return query ? `${pathname}?${query}` : pathname;
  };
  return (
    <nav aria-label="View" className="inline-flex rounded-lg border border-slate-300 bg-white p-0.5 text-sm">
      {views.map(({ view, label }) => (
        <Link
          key={view}
          href={href(view)}
          replace
          scroll={false}
          aria-current={current === view ? "page" : undefined}
          className={clsx("rounded-md px-3 py-1.5 font-medium", current === view ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100")}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
