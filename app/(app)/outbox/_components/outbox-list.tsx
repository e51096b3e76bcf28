"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { clsx } from "clsx";
import { DateTime } from "@/components/viewer/formatted";
import { useTRPC } from "@/components/trpc/react";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkedText } from "./linked-text";

const statusLabels = { stored: "Kept in outbox", sending: "Sending", sent: "Sent", failed: "Failed" } as const;

export function OutboxList() {
  const trpc = useTRPC();
  const { data: emails } = useSuspenseQuery(trpc.outbox.list.queryOptions());
  if (emails.length === 0) {
    return <EmptyState title="No emails yet">Invitations and notifications will show up here.</EmptyState>;
  }
  return (
    <ul className="space-y-3" aria-label="Emails">
      {emails.map((email) => (
        <li key={email.id}>
          <article aria-label={email.subject} className="rounded-xl border border-slate-200 bg-white p-4">
            <header className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="min-w-0 break-words font-semibold">{email.subject}</h2>
              <span
                className={clsx(
                  "rounded-full px-2 py-0.5 text-xs font-medium",
                  email.status === "failed" ? "bg-red-50 text-red-700" : "bg-slate-100 text-slate-700",
                )}
              >
                {statusLabels[email.status]}
              </span>
            </header>
            <p className="mt-1 break-words text-sm text-slate-600">
              To {email.to} · <DateTime value={email.createdAt} />
            </p>
            {email.error && <p className="mt-1 text-sm text-red-700">{email.error}</p>}
            <pre className="mt-3 whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 font-sans text-sm text-slate-800">
              <LinkedText text={email.text} />
            </pre>
          </article>
        </li>
      ))}
    </ul>
  );
}
