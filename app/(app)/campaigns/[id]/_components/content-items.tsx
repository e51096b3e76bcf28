"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { channelLabels, channels } from "@/server/services/campaigns/campaign-labels";
import { errorMessage, fieldErrors } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField, TextField } from "@/components/ui/field";
import { confirmAction } from "@/components/ui/toaster";
import { contentApprovalLabels } from "@/components/approvals/approval-words";
import type { Channel } from "@/db/schema/campaigns";
import { ContentFields, type ContentValue, emptyContent } from "./content-fields";
import { ScheduledTime, useViewerTimeZone } from "./content-time";

/** A campaign's content items, each linking to its own page, and (for those who may edit) a form to add one. */
export function ContentItems({ campaignId, canEdit }: { campaignId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const { data: items } = useSuspenseQuery(trpc.content.list.queryOptions({ campaignId }));
  const [adding, setAdding] = useState(false);

  return (
    <section aria-labelledby="content-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="content-heading" className="text-lg font-semibold">
          Content
        </h2>
        {canEdit && !adding && (
          <Button
            onClick={() => setAdding(true)}
          >
            New content item
          </Button>
        )}
      </div>
      {adding && (
        <NewContentItem
          campaignId={campaignId}
          onDone={(title) => {
            setAdding(false);
            if (title) confirmAction(`Added “${title}”.`);
          }}
        />
      )}
      {items.length === 0 ? (
        <EmptyState title="No content yet">
          {canEdit ? "Add the posts, emails and ads this campaign will send." : "Nothing has been planned for this campaign yet."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Content items">
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3 text-sm">
              <div className="min-w-0">
                <Link href={`/campaigns/${campaignId}/content/${item.id}`} className="font-medium text-brand-700 hover:underline">
                  {item.title}
                </Link>
                <p className="text-slate-600">
                  {channelLabels[item.channel]} · version {item.version} · {approvalLabel(item)}
                </p>
              </div>
              <ScheduledTime at={item.scheduledAt} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "Approved", or where its approval stands; an approval of an earlier version no longer counts. */
function approvalLabel(item: { approved: boolean; approvalStatus: keyof typeof contentApprovalLabels }) {
  if (item.approved) return "Approved";
  return item.approvalStatus === "approved" ? "Approval lapsed" : contentApprovalLabels[item.approvalStatus];
}

function NewContentItem({ campaignId, onDone }: { campaignId: string; onDone: (title?: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timeZone = useViewerTimeZone();
  const [channel, setChannel] = useState<Channel>("linkedin");
  const [content, setContent] = useState<ContentValue>(emptyContent);
  const [when, setWhen] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(trpc.content.create.mutationOptions());

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    setErrors({});
    try {
      const item = await create.mutateAsync({
        campaignId,
        channel,
        ...content,
        scheduledAt: when && timeZone ? { localDateTime: when, timeZone } : null,
      });
      await queryClient.invalidateQueries(trpc.content.list.queryFilter({ campaignId }));
      onDone(item.title);
    } catch (caught) {
      // A refusal by field is shown by its field only, not again at the top.
      const byField = fieldErrors(caught);
      setErrors(byField);
      setError(Object.keys(byField).length > 0 ? null : errorMessage(caught));
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="New content item" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5" noValidate>
      {error && <Alert>{error}</Alert>}
      <SelectField label="Channel" value={channel} onChange={(event) => setChannel(event.target.value as Channel)} errors={errors.channel}>
        {channels.map((option) => (
          <option key={option} value={option}>
            {channelLabels[option]}
          </option>
        ))}
      </SelectField>
      <ContentFields channel={channel} value={content} onChange={setContent} errors={errors} />
      <TextField
        label="Scheduled for"
        type="datetime-local"
        value={when}
        onChange={(event) => setWhen(event.target.value)}
        errors={errors.scheduledAt}
        hint={timeZone ? `In your time zone, ${timeZone}. Leave empty to schedule later.` : undefined}
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={create.isPending}>
          Add item
        </Button>
        <Button type="button" variant="ghost" onClick={() => onDone()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
