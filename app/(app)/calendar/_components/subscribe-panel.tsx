"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useViewer } from "@/components/viewer/viewer-context";
import { formatDateTime } from "@/server/services/date-time";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmAction } from "@/components/ui/toaster";
import { TextField } from "@/components/ui/field";

/** The person's private iCalendar link: make it, copy it, replace it, or turn it off. */
export function SubscribePanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: feed } = useSuspenseQuery(trpc.calendarFeed.get.queryOptions());
  const viewer = useViewer();
  const create = useMutation(trpc.calendarFeed.create.mutationOptions());
  const revoke = useMutation(trpc.calendarFeed.revoke.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  async function run(action: () => Promise<unknown>, done: string) {
    setFailure(null);
    try {
      await action();
      await queryClient.invalidateQueries(trpc.calendarFeed.get.queryFilter());
      confirmAction(done);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }

  async function copy() {
    if (!feed) return;
    setFailure(null);
    try {
      await navigator.clipboard.writeText(feed.url);
      confirmAction("Link copied. Paste it into your calendar app as a subscription.");
    } catch {
      setFailure("Your browser didn't let us copy. Select the link in the box and copy it yourself.");
    }
  }

  return (
    <section aria-labelledby="subscribe-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div>
        <h2 id="subscribe-heading" className="font-semibold">
          Subscribe
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          See this workspace&apos;s campaigns, milestones and scheduled content in Google Calendar, Outlook or Apple Calendar. The link is private to
          you: anyone who has it can read the calendar, so keep it to yourself.
        </p>
      </div>
      {failure && <Alert>{failure}</Alert>}
      {feed ? (
        <div className="space-y-3">
          <TextField
            label="Your calendar link"
            readOnly
            value={feed.url}
            onFocus={(event) => event.currentTarget.select()}
            hint={feed.lastFetchedAt ? `Last read by a calendar app ${formatDateTime(viewer, feed.lastFetchedAt)}.` : "No calendar app has read it yet."}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={copy}>
              Copy link
            </Button>
            <Button type="button" variant="secondary" disabled={create.isPending} onClick={() => run(() => create.mutateAsync(), "Made a new link. The old one no longer works.")}>
              Make a new link
            </Button>
            {confirming ? (
              <span role="group" aria-label="Confirm turning the link off" className="inline-flex flex-wrap items-center gap-2 text-sm">
                Calendars using this link will stop updating.
                <Button
                  type="button"
                  variant="danger"
                  disabled={revoke.isPending}
                  onClick={() => run(async () => { await revoke.mutateAsync(); setConfirming(false); }, "The link is turned off.")}
                >
                  Turn off link
                </Button>
                <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
                  Keep it
                </Button>
              </span>
            ) : (
              <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
                Turn off…
              </Button>
            )}
          </div>
        </div>
      ) : (
        <Button type="button" disabled={create.isPending} onClick={() => run(() => create.mutateAsync(), "Your calendar link is ready.")}>
          Create calendar link
        </Button>
      )}
    </section>
  );
}
