"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Deleting takes the campaign's milestones and content with it, so it is confirmed by name. */
export function DeleteCampaign({ campaignId, name }: { campaignId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(trpc.campaign.delete.mutationOptions());

  async function confirm() {
    setError(null);
    try {
      await remove.mutateAsync({ campaignId });
      await queryClient.invalidateQueries(trpc.campaign.pathFilter());
      router.push("/campaigns");
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  if (!confirming) {
    return (
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Delete campaign
      </Button>
    );
  }
  return (
    <div role="alertdialog" aria-label="Delete this campaign?" className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-4">
      <p className="text-sm text-red-900">
        Delete “{name}” with all its milestones and content? This can’t be undone. Its history stays in the activity log.
      </p>
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
