"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/react";
import { ConfirmDelete } from "@/components/ui/confirm-delete";
import { confirmAction } from "@/components/ui/toaster";

/** Deleting takes the campaign's milestones and content with it, so it is confirmed by name. */
export function DeleteCampaign({ campaignId, name }: { campaignId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.campaign.delete.mutationOptions());

  return (
    <ConfirmDelete
      buttonLabel="Delete campaign"
      question="Delete this campaign?"
      onDelete={async () => {
        await remove.mutateAsync({ campaignId });
        confirmAction(`Campaign “${name}” was deleted.`);
        await queryClient.invalidateQueries(trpc.campaign.pathFilter());
        router.push("/campaigns");
      }}
    >
      Delete “{name}” with all its milestones and content? This can’t be undone. Its history stays in the activity log.
    </ConfirmDelete>
  );
}
