"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { clsx } from "clsx";
import Link from "next/link";
import { useId, useRef, useState } from "react";
import { useLiveChanges } from "@/components/realtime/use-live-changes";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { confirmAction, reportFailure } from "@/components/ui/toaster";
import { useDismiss } from "@/components/ui/use-dismiss";
import { Day, Time } from "@/components/viewer/formatted";
import { useViewer } from "@/components/viewer/viewer-context";
import { groupByDay } from "./notification-days";

const bellName = (unread: number) => (unread === 0 ? "Notifications" : `Notifications, ${unread} unread`);

/**
 * The bell in the app shell: the unread count, live (a notification for this
 * member, or one they read in another tab, re-reads it), and a panel with their
 * notifications newest first by day. Opening one marks it read.
 */
export function NotificationBell({ userId, initialUnread }: { userId: string; initialUnread: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const { data: unread = initialUnread } = useQuery({ ...trpc.notification.unreadCount.queryOptions(), initialData: initialUnread });

  // Changes on this topic name their recipient; other members' notifications are none of this bell's business.
  useLiveChanges("notifications", (change) => {
    if (change.everything || change.ids.includes(userId)) void queryClient.invalidateQueries(trpc.notification.pathFilter());
  });

  useDismiss(open, container, (how) => {
    setOpen(false);
    if (how === "escape") button.current?.focus();
  });

  return (
    <div ref={container} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={bellName(unread)}
        onClick={() => setOpen((value) => !value)}
        className="relative inline-flex h-9 w-9 items-center justify-center rounded-md border border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
      >
        <BellIcon />
        {unread > 0 && (
          <span aria-hidden="true" className="absolute -right-1.5 -top-1.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          id={panelId}
          className="fixed inset-x-2 top-14 z-40 max-h-[75vh] overflow-y-auto rounded-lg border border-slate-200 bg-white shadow-lg md:absolute md:inset-x-auto md:left-0 md:top-11 md:w-96"
        >
          <NotificationPanel unread={unread} onFollow={() => setOpen(false)} />
        </div>
      )}
    </div>
  );
}

function NotificationPanel({ unread, onFollow }: { unread: number; onFollow: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { timeZone } = useViewer();
  const list = useInfiniteQuery(trpc.notification.list.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor }));
  const refresh = () => queryClient.invalidateQueries(trpc.notification.pathFilter());
  const markRead = useMutation(trpc.notification.markRead.mutationOptions({ onSettled: refresh }));
  const markAllRead = useMutation(
    trpc.notification.markAllRead.mutationOptions({
      onSuccess: ({ marked }) => confirmAction(marked === 1 ? "1 notification marked as read." : `${marked} notifications marked as read.`),
      onError: (error) => reportFailure(errorMessage(error)),
      onSettled: refresh,
    }),
  );
  const items = list.data?.pages.flatMap((page) => page.notifications) ?? [];

  return (
    <div className="p-3">
      <div className="flex items-center justify-between gap-2 border-b border-slate-100 pb-2">
        <h2 className="font-semibold">Notifications</h2>
        {unread > 0 && (
          <Button variant="ghost" className="px-2 py-1" disabled={markAllRead.isPending} onClick={() => markAllRead.mutate()}>
            Mark all as read
          </Button>
        )}
      </div>
      {list.isPending ? (
        <p className="py-6 text-center text-sm text-slate-600">Loading…</p>
      ) : list.isError ? (
        <p role="alert" className="py-6 text-center text-sm text-red-700">
          {errorMessage(list.error)}
        </p>
      ) : items.length === 0 ? (
        <div className="py-8 text-center">
          <p className="font-medium text-slate-800">You&apos;re all caught up</p>
          <p className="mt-1 text-sm text-slate-600">When someone assigns you a task or mentions you, it shows up here.</p>
        </div>
      ) : (
        <div className="space-y-3 pt-2">
          {groupByDay(items, timeZone).map((group) => (
            <section key={group.day} aria-label={group.label ?? undefined}>
              <h3 className="px-1 text-xs font-semibold uppercase tracking-wide text-slate-600">{group.label ?? <Day value={group.day} />}</h3>
              <ul className="mt-1 space-y-1">
                {group.items.map((item) => (
                  <li key={item.id}>
                    <Link
                      href={item.link}
                      onClick={() => {
                        if (!item.readAt) markRead.mutate({ notificationId: item.id });
                        onFollow();
                      }}
                      className={clsx("block rounded-md px-2 py-2 text-sm hover:bg-slate-50", item.readAt ? "text-slate-600" : "bg-brand-50/60 font-medium text-slate-900")}
                    >
                      {!item.readAt && <span className="sr-only">Unread: </span>}
                      {item.title}
                      <span className="mt-0.5 block text-xs font-normal text-slate-600">
                        <Time value={item.createdAt} />
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          {list.hasNextPage && (
            <Button variant="secondary" className="w-full" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {list.isFetchingNextPage ? "Loading…" : "Show older"}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}

function BellIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
