"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, fieldErrors } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmAction } from "@/components/ui/toaster";
import type { Channel } from "@/db/schema/campaigns";
import { ContentFields, type ContentValue } from "../../../_components/content-fields";

interface EditableItem extends ContentValue {
  id: string;
  channel: Channel;
  campaignId: string;
  version: number;
}

/** Saves the title, body and images; each save that changes something becomes a new version. `onDraftChange` hears every keystroke (the checks run on it). */
export function ContentEditForm({ item, onDraftChange }: { item: EditableItem; onDraftChange?: (draft: ContentValue) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [content, setContent] = useState<ContentValue>({ title: item.title, body: item.body, media: item.media });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  // The version this form last saw, kept here rather than read from `item`, which is refetched after a save and may lag a quick second save.
  const [version, setVersion] = useState(item.version);
  const update = useMutation(trpc.content.update.mutationOptions());

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    setErrors({});
    try {
      const saved = await update.mutateAsync({ contentItemId: item.id, ...content });
      confirmAction(saved.version === version ? "Nothing changed, so no new version was saved." : `Saved as version ${saved.version}.`);
      setVersion(saved.version);
      await Promise.all([
        queryClient.invalidateQueries(trpc.content.get.queryFilter({ contentItemId: item.id })),
        queryClient.invalidateQueries(trpc.content.list.queryFilter({ campaignId: item.campaignId })),
        // A new version has its own checks, and may have sent a waiting request back to its first stage.
        queryClient.invalidateQueries(trpc.approval.forContent.queryFilter({ contentItemId: item.id })),
      ]);
    } catch (caught) {
      // A refusal by field is shown by its field only, not again at the top.
      const byField = fieldErrors(caught);
      setErrors(byField);
      setError(Object.keys(byField).length > 0 ? null : errorMessage(caught));
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Edit content" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5" noValidate>
      <h2 className="text-lg font-semibold">Text</h2>
      {error && <Alert>{error}</Alert>}
      <ContentFields
        channel={item.channel}
        value={content}
        onChange={(next) => {
          setContent(next);
          onDraftChange?.(next);
        }}
        errors={errors}
      />
      <Button type="submit" disabled={update.isPending}>
        Save
      </Button>
    </form>
  );
}
