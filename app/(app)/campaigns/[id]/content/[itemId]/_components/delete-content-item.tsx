"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/react";
import { ConfirmDelete } from "@/components/ui/confirm-delete";
import { confirmAction } from "@/components/ui/toaster";

/** Deleting takes every version with it, so it asks first. */
export function DeleteContentItem({ contentItemId, campaignId, title }: { contentItemId: string; campaignId: string; title: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.content.delete.mutationOptions());

  return (
    <ConfirmDelete
      buttonLabel="Delete item"
      question="Delete this content item?"
      onDelete={async () => {
        await remove.mutateAsync({ contentItemId });
        confirmAction(`“${title}” was deleted.`);
        await queryClient.invalidateQueries(trpc.content.list.queryFilter({ campaignId }));
        queryClient.removeQueries(trpc.content.get.queryFilter({ contentItemId }));
        router.push(`/campaigns/${campaignId}/content`);
      }}
    >
      Delete “{title}” with all its versions? This can’t be undone. The campaign’s activity keeps a record of it.
    </ConfirmDelete>
  );
}
