"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useDeferredValue, useMemo, useState } from "react";
import { contentApprovalLabels } from "@/components/approvals/approval-words";
import { CheckFindings } from "@/components/approvals/check-findings";
import { useInvalidateOnChange } from "@/components/realtime/use-invalidate-on-change";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmAction } from "@/components/ui/toaster";
import { DateTime } from "@/components/viewer/formatted";
import type { Channel } from "@/db/schema/enum-values";
import { runContentChecks } from "@/server/services/content-checks";
import type { ContentValue } from "../../../_components/content-fields";

/**
 * Where the item stands with its approval, what the checks find in its text
 * (as it is typed), and asking for approval (or again, after changes), or withdrawing.
 * The server's refusal (the checks block it, say) is shown here in its words.
 */
export function ContentApproval({
  item,
  draft,
}: {
  item: ContentValue & { id: string; campaignId: string; channel: Channel; version: number; scheduledAt: Date | null; canEdit: boolean };
  /** The text as typed; checked here as it changes, before it is saved. */
  draft: ContentValue | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const filter = trpc.approval.forContent.queryFilter({ contentItemId: item.id });
  const state = useQuery(trpc.approval.forContent.queryOptions({ contentItemId: item.id }));
  useInvalidateOnChange("approvals", [filter]);
  const [error, setError] = useState<string | null>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(filter),
      queryClient.invalidateQueries(trpc.content.list.queryFilter({ campaignId: item.campaignId })),
      queryClient.invalidateQueries(trpc.approval.pathFilter()),
    ]);
  const request = useMutation(trpc.approval.request.mutationOptions());
  const withdraw = useMutation(trpc.approval.withdraw.mutationOptions());
  // The checks run on what is typed, the same as the server will when approval is asked. On a long body they
  // take a while (readability counts every syllable), so they follow the typing at a lower priority: a
  // keystroke is never held up by them, and the findings catch up as soon as the typing pauses.
  const checkedDraft = useDeferredValue(draft);
  const brandRules = state.data?.brandRules;
  const draftFindings = useMemo(
    () => (checkedDraft && brandRules ? runContentChecks({ channel: item.channel, ...checkedDraft }, brandRules) : null),
    [checkedDraft, brandRules, item.channel],
  );

  if (state.isPending) return <Shell>{<p className="text-sm text-slate-600">Loading…</p>}</Shell>;
  if (state.isError) return <Shell>{<Alert>{errorMessage(state.error)}</Alert>}</Shell>;
  const { approvalStatus, approvedVersion, request: latest } = state.data;
  const version = state.data.version;
  const unsaved = draft !== null && (draft.title !== item.title || draft.body !== item.body || JSON.stringify(draft.media) !== JSON.stringify(item.media));
  const findings = unsaved && draftFindings ? draftFindings : state.data.findings;
  const checksTitle = unsaved ? "Checks on your unsaved changes" : `Checks on version ${version}`;
  const lapsed = approvedVersion !== null && approvedVersion !== version;
  const approved = approvalStatus === "approved" && !lapsed;
  const open = latest && (latest.status === "pending" || latest.status === "changes_requested");
  const canAsk = item.canEdit && latest?.status !== "pending" && !approved;
  const resubmit = latest?.status === "changes_requested";

  async function ask() {
    setError(null);
    try {
      const started = await request.mutateAsync({ contentItemId: item.id });
      confirmAction(`${resubmit ? "Resubmitted" : "Approval requested"}: version ${started.version} waits on stage 1, “${started.stages[0]?.name}”.`);
      await refresh();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  async function takeBack(requestId: string) {
    setError(null);
    try {
      await withdraw.mutateAsync({ requestId });
      confirmAction("Approval request withdrawn.");
      await refresh();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <Shell>
      <p className="text-sm" aria-label="Approval status">
        <span className="font-medium">
          {approved ? (
            item.scheduledAt ? (
              <>
                Approved · scheduled for <DateTime value={item.scheduledAt} />
              </>
            ) : (
              `Approved (version ${approvedVersion})`
            )
          ) : approvalStatus === "in_review" && latest ? (
            `In review: stage ${latest.stage} of ${latest.stageCount}, ${latest.stageName}`
          ) : (
            contentApprovalLabels[approvalStatus]
          )}
        </span>
        {lapsed && (
          <span className="mt-1 block text-amber-800">
            Approval is for version {approvedVersion}; this is version {version}.
          </span>
        )}
      </p>
      {latest && (
        <p className="text-sm">
          <Link href={`/approvals?request=${latest.id}`} className="text-brand-700 hover:underline">
            See the request and its feedback on Approvals
          </Link>
        </p>
      )}
      {error && <Alert>{error}</Alert>}
      {item.canEdit && (canAsk || open) && (
        <div className="flex flex-wrap gap-2">
          {canAsk && (
            <Button type="button" disabled={request.isPending} onClick={() => void ask()}>
              {resubmit ? "Resubmit" : "Request approval"}
            </Button>
          )}
          {open && (
            <Button type="button" variant="ghost" disabled={withdraw.isPending} onClick={() => void takeBack(latest.id)}>
              Withdraw
            </Button>
          )}
        </div>
      )}
      <section aria-label={checksTitle} aria-live="polite" className="space-y-2 border-t border-slate-100 pt-3">
        <h3 className="font-semibold">{checksTitle}</h3>
        <CheckFindings findings={findings} headingLevel={4} />
      </section>
    </Shell>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <section aria-labelledby="approval-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="approval-heading" className="text-lg font-semibold">
        Approval
      </h2>
      {children}
    </section>
  );
}
