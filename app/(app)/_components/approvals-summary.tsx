"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useInvalidateOnChange } from "@/components/realtime/use-invalidate-on-change";
import { useTRPC } from "@/components/trpc/react";

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many.replace("#", String(n)));

/**
 * Approvals on the home page: what waits on the member (and how much of it is
 * overdue), and where their own requests stand. Shown only when there is
 * something; live, like the navigation's badge.
 */
export function ApprovalsSummary() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.approval.summary.queryOptions());
  useInvalidateOnChange("approvals", [trpc.approval.summary.queryFilter()]);
  const asked = data.inReview + data.changesRequested;
  if (data.waiting === 0 && asked === 0) return null;

  const link = "font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800";
  return (
    <section aria-labelledby="approvals-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="approvals-heading" className="font-semibold">
        Approvals
      </h2>
      <ul className="space-y-2 text-sm text-slate-700">
        {data.waiting > 0 && (
          <li className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <Link href="/approvals" className={link}>
              {plural(data.waiting, "1 request waits on you", "# requests wait on you")}
            </Link>
            {data.overdue > 0 && <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">{data.overdue} overdue</span>}
          </li>
        )}
        {asked > 0 && (
          <li>
            <Link href="/approvals?view=mine" className={link}>
              {[
                data.inReview > 0 && plural(data.inReview, "1 of your requests is in review", "# of your requests are in review"),
                data.changesRequested > 0 && plural(data.changesRequested, "1 came back with changes requested", "# came back with changes requested"),
              ]
                .filter(Boolean)
                .join("; ")}
            </Link>
          </li>
        )}
      </ul>
    </section>
  );
}
