"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import type { ApprovalView } from "@/server/services/approvals/approvals.schema";
import { viewLabels } from "./queue-query";

/** The queue's views as links that keep the filters (the open request stays behind). */
export function QueueTabs({ views, current }: { views: ApprovalView[]; current: ApprovalView }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const href = (view: ApprovalView) => {
    const params = new URLSearchParams(searchParams);
    params.delete("request");
    if (view === "waiting") params.delete("view");
    else params.set("view", view);
    const query = params.toString();
    return query ? `${pathname}?${query}` : pathname;
  };
  return (
    <nav aria-label="Views">
      <ul className="flex flex-wrap gap-x-1 border-b border-slate-200">
        {views.map((view) => (
          <li key={view}>
            <Link
              href={href(view)}
              replace
              scroll={false}
              aria-current={current === view ? "page" : undefined}
              className={clsx(
                "-mb-px inline-block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
                current === view ? "border-brand-600 text-brand-800" : "border-transparent text-slate-700 hover:text-slate-900",
              )}
            >
              {viewLabels[view]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
