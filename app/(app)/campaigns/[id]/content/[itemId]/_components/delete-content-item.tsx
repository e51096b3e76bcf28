"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Deleting takes every version with it, so it asks first. */
export function DeleteContentItem({ contentItemId, campaignId, title }: { contentItemId: string; campaignId: string; title: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(trpc.content.delete.mutationOptions());

  async function confirm() {
    setError(null);
    try {
      await remove.mutateAsync({ contentItemId });
      await queryClient.invalidateQueries(trpc.content.list.queryFilter({ campaignId }));
      queryClient.removeQueries(trpc.content.get.queryFilter({ contentItemId }));
      router.push(`/campaigns/${campaignId}/content`);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  if (!confirming) {
    return (
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Delete item
      </Button>
    );
  }
  return (
    <div role="alertdialog" aria-label="Delete this content item?" className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-4">
      <p className="text-sm text-red-900">Delete “{title}” with all its versions? This can’t be undone. The campaign’s activity keeps a record of it.</p>
      {error && <Alert>{error}</Alert>}
      <div className="flex gap-2">
        <Button variant="danger" disabled={remove.isPending} onClick={() => void confirm()}>
          Yes, delete it
        </Button>
        <Button variant="ghost" autoFocus onClick={() => setConfirming(false)}>
          Keep it
        </Button>
      </div>
    </div>
  );
}
