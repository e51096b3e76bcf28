"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmAction } from "@/components/ui/toaster";
import type { CampaignStatus } from "@/db/schema/campaigns";
import { campaignStatusLabels } from "@/server/services/campaigns/campaign-labels";

/** What the button for moving to a status says, given where the campaign is now. */
function actionLabel(from: CampaignStatus, to: CampaignStatus): string {
  switch (to) {
    case "draft":
      return "Back to draft";
    case "planned":
      return from === "draft" ? "Mark as planned" : "Request changes";
    case "in_review":
      return from === "approved" ? "Reopen review" : "Send for review";
    case "approved":
      return "Approve";
    case "active":
      return from === "paused" ? "Resume" : "Start campaign";
    case "paused":
      return "Pause";
    case "completed":
      return "Mark completed";
    case "cancelled":
      return "Cancel campaign";
    case "archived":
      return "Archive";
  }
}

/** The status moves the server allows this viewer, as buttons; cancelling asks first. */
export function StatusActions({
  campaignId,
  status,
  allowedStatuses,
  canRestore,
}: {
  campaignId: string;
  status: CampaignStatus;
  allowedStatuses: CampaignStatus[];
  canRestore: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setStatus = useMutation(trpc.campaign.setStatus.mutationOptions());
  const restore = useMutation(trpc.campaign.restore.mutationOptions());
  const busy = setStatus.isPending || restore.isPending;

  async function run(action: () => Promise<unknown>, done: string) {
    setError(null);
    try {
      await action();
      confirmAction(done);
      setConfirmingCancel(false);
      await queryClient.invalidateQueries(trpc.campaign.pathFilter());
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  if (allowedStatuses.length === 0 && !canRestore) return null;
  return (
    <div className="space-y-2">
      {error && <Alert>{error}</Alert>}
      <div role="group" aria-label="Change status" className="flex flex-wrap gap-2">
        {canRestore && (
          <Button disabled={busy} onClick={() => void run(() => restore.mutateAsync({ campaignId }), "Campaign restored.")}>
            Restore
          </Button>
        )}
        {allowedStatuses
          .filter((to) => to !== "cancelled")
          .map((to, index) => (
            <Button
              key={to}
              variant={index === 0 && to !== "archived" ? "primary" : "secondary"}
              disabled={busy}
              onClick={() => void run(() => setStatus.mutateAsync({ campaignId, status: to }), `Campaign is now ${campaignStatusLabels[to].toLowerCase()}.`)}
            >
              {actionLabel(status, to)}
            </Button>
          ))}
        {allowedStatuses.includes("cancelled") &&
          (confirmingCancel ? (
            <span className="inline-flex items-center gap-2">
              <Button variant="danger" disabled={busy} onClick={() => void run(() => setStatus.mutateAsync({ campaignId, status: "cancelled" }), "Campaign cancelled.")}>
                Yes, cancel the campaign
              </Button>
              <Button variant="ghost" onClick={() => setConfirmingCancel(false)}>
                Keep it
              </Button>
            </span>
          ) : (
            <Button variant="danger" disabled={busy} onClick={() => setConfirmingCancel(true)}>
              Cancel campaign
            </Button>
          ))}
      </div>
    </div>
  );
}
