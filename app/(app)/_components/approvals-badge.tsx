"use client";

import { useQuery } from "@tanstack/react-query";
import { useInvalidateOnChange } from "@/components/realtime/use-invalidate-on-change";
import { useTRPC } from "@/components/trpc/react";

/** How many approval requests wait on the member, beside "Approvals" in the navigation; re-read whenever a request changes. */
export function ApprovalsBadge({ initial }: { initial: number }) {
  const trpc = useTRPC();
  const { data: waiting = initial } = useQuery({ ...trpc.approval.waitingCount.queryOptions(), initialData: initial });
  useInvalidateOnChange("approvals", [trpc.approval.waitingCount.queryFilter()]);
  if (waiting === 0) return null;
  return (
    <span className="min-w-5 rounded-full bg-brand-600 px-1.5 text-center text-xs font-semibold leading-5 text-white">
      {waiting > 99 ? "99+" : waiting}
      <span className="sr-only"> waiting on you</span>
    </span>
  );
}
