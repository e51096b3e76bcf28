"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { clsx } from "clsx";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useAddress } from "@/components/filters/use-address";
import { useInvalidateOnChange } from "@/components/realtime/use-invalidate-on-change";
import { useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PhoneFold } from "@/components/ui/phone-fold";
import type { ApprovalView } from "@/server/services/approvals/approvals.schema";
import type { DecideIntent } from "./decide-form";
import { BulkDecide } from "./bulk-decide";
import { KeyboardHint } from "./keyboard-hint";
import { QueueFilters } from "./queue-filters";
import { FILTER_NAMES, openRequestId, queueInput, viewsFor } from "./queue-query";
import { QueueRow } from "./queue-row";
import { QueueTabs } from "./queue-tabs";
import { RequestDetail } from "./request-detail";
import { useQueueKeys } from "./use-queue-keys";

const emptyWords: Record<ApprovalView, { title: string; text: string }> = {
  waiting: { title: "Nothing waits on you", text: "When someone asks you to approve content, it shows up here." },
  pending: { title: "No pending requests", text: "Requests waiting on any approver in the workspace show up here." },
  mine: { title: "You haven't asked for approval yet", text: "Ask for approval from a content item's page; your requests show up here." },
  decided: { title: "Nothing decided yet", text: "Approved, rejected and returned requests you took part in show up here." },
};

/**
 * The approvals queue: the views, the filters, the list and the open request
 * beside it (on a phone, in its place). Live: any change to a request re-reads
 * what is shown. Keyboard: j/k move through the list, a approves, r requests changes.
 */
export function ApprovalsQueue({ manager }: { manager: boolean }) {
  const trpc = useTRPC();
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const address = useAddress();
  const input = queueInput(searchParams, manager);
  const { data } = useSuspenseQuery(trpc.approval.queue.queryOptions(input));
  useInvalidateOnChange("approvals", [trpc.approval.pathFilter()]);
  const openId = openRequestId(searchParams);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [intent, setIntent] = useState<DecideIntent | null>(null);

  const rows = data.rows;
  const selectable = input.view === "waiting";
  const chosen = rows.filter((row) => selected.has(row.id));
  const hrefFor = (requestId: string | null) => {
    const params = new URLSearchParams(searchParams);
    if (requestId) params.set("request", requestId);
    else params.delete("request");
    const query = params.toString();
    return query ? `${pathname}?${query}` : pathname;
  };
  const open = (requestId: string | null) => {
    setIntent(null);
    address((params) => (requestId ? params.set("request", requestId) : params.delete("request")));
    if (requestId) requestAnimationFrame(() => document.querySelector(`[data-request="${requestId}"]`)?.scrollIntoView({ block: "nearest" }));
  };
  const move = (step: number) => {
    if (rows.length === 0) return;
    const at = rows.findIndex((row) => row.id === openId);
    const next = at === -1 ? (step > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + step));
    open(rows[next]!.id);
  };
  const decideWith = (decision: DecideIntent["decision"]) => {
    const target = openId ?? rows[0]?.id;
    if (!target) return;
    if (!openId) open(target);
    setIntent((previous) => ({ decision, at: (previous?.at ?? 0) + 1 }));
  };
  useQueueKeys({ j: () => move(1), k: () => move(-1), a: () => decideWith("approved"), r: () => decideWith("changes_requested") });

  // After a decision the request leaves "Waiting on me": the next one opens, so a run of approvals stays on the keyboard.
  // Unless the person has moved on while it was saved (another view, another request): then their choice stands.
  const afterDecision = () => {
    if (new URLSearchParams(window.location.search).get("request") !== openId) return;
    const at = rows.findIndex((row) => row.id === openId);
    const next = input.view === "waiting" ? (rows[at + 1] ?? rows[at - 1] ?? null) : rows[at] ?? null;
    open(next?.id ?? null);
  };

  const filtered = FILTER_NAMES.some((name) => searchParams.get(name));
  return (
    <div className="space-y-4">
      <QueueTabs views={viewsFor(manager)} current={input.view} />
      <div className={clsx(openId && "hidden lg:block")}>
        <PhoneFold label="Filters" active={FILTER_NAMES.filter((name) => searchParams.get(name)).length}>
          <QueueFilters decided={input.view === "decided"} />
        </PhoneFold>
      </div>
      <div className="lg:grid lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] lg:items-start lg:gap-6">
        <section aria-label="Requests" className={clsx("space-y-3", openId && "hidden lg:block")}>
          {rows.length > 0 && <KeyboardHint />}
          {selectable && chosen.length > 0 && (
            <BulkDecide
              items={chosen.map((row) => ({ requestId: row.id, version: row.version }))}
              titles={new Map(rows.map((row) => [row.id, row.title]))}
              onDone={() => setSelected(new Set())}
            />
          )}
          {rows.length === 0 ? (
            <EmptyState title={filtered ? "No requests match these filters" : emptyWords[input.view].title}>
              {filtered ? "Clear a filter to see more." : emptyWords[input.view].text}
              {/* Someone who asks for approvals more than they give them lands here first: point them to theirs. */}
              {!filtered && input.view === "waiting" && (
                <p className="mt-3">
                  <Link href={`${pathname}?view=mine`} replace scroll={false} className="font-medium text-brand-700 underline hover:text-brand-800">
                    See what you asked for
                  </Link>
                </p>
              )}
            </EmptyState>
          ) : (
            <>
              {selectable && (
                <label className="flex items-center gap-2 px-3 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    className="h-4 w-4 accent-brand-600"
                    checked={chosen.length === rows.length}
                    onChange={(event) => setSelected(event.target.checked ? new Set(rows.map((row) => row.id)) : new Set())}
                  />
                  Select all {rows.length}
                </label>
              )}
              <ul className="space-y-2">
                {rows.map((row) => (
                  <QueueRow
                    key={row.id}
                    row={row}
                    href={hrefFor(row.id)}
                    open={row.id === openId}
                    selectable={selectable}
                    selected={selected.has(row.id)}
                    onSelect={(on) =>
                      setSelected((current) => {
                        const next = new Set(current);
                        if (on) next.add(row.id);
                        else next.delete(row.id);
                        return next;
                      })
                    }
                  />
                ))}
              </ul>
              {data.hasMore && <p className="text-sm text-slate-600">Showing the first {rows.length}. Narrow the filters to see the others.</p>}
            </>
          )}
        </section>
        {openId ? (
          <section aria-label="Request details" className="rounded-xl border border-slate-200 bg-slate-50/50 p-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
            <Button type="button" variant="secondary" className="mb-4 lg:hidden" onClick={() => open(null)}>
              ← Back to the list
            </Button>
            <RequestDetail key={openId} requestId={openId} intent={intent} onDecided={afterDecision} />
          </section>
        ) : (
          <div className="hidden rounded-xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 lg:block">
            Choose a request to see its preview, changes, checks and feedback here.
          </div>
        )}
      </div>
    </div>
  );
}
