"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { ConfirmDelete } from "@/components/ui/confirm-delete";
import { EmptyState } from "@/components/ui/empty-state";
import { confirmAction } from "@/components/ui/toaster";
import { describeStage } from "@/server/services/approval-policies/describe-approval-policy";
import { campaignTypeLabels, channelLabels } from "@/server/services/campaigns/campaign-labels";
import { ApprovalPolicyDialog, type EditedPolicy, newPolicy } from "./approval-policy-dialog";

/** The workspace's approval policies in words; admins create, edit and delete them. */
export function ApprovalPolicies({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: policies } = useSuspenseQuery(trpc.approvalPolicy.list.queryOptions());
  const { data: members } = useSuspenseQuery(trpc.member.list.queryOptions());
  const names = useMemo(() => new Map(members.map((member) => [member.userId, member.name])), [members]);
  const [editing, setEditing] = useState<EditedPolicy | null>(null);
  const remove = useMutation(trpc.approvalPolicy.delete.mutationOptions());

  return (
    <section aria-labelledby="approval-policies-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id="approval-policies-heading" className="font-semibold">
            Approval policies
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Who approves content and campaign plans, stage by stage, and what happens when they don&apos;t answer in time.
            {!canEdit && " Only workspace admins can change them."}
          </p>
        </div>
        {canEdit && <Button onClick={() => setEditing(newPolicy())}>New policy</Button>}
      </div>
      {policies.length === 0 ? (
        <EmptyState title="No approval policies">{canEdit ? "Add one to have content or campaign plans approved before they go out." : "Content and plans need no approval yet."}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {policies.map((policy) => {
            const defaults = [...policy.channels.map((channel) => channelLabels[channel]), ...policy.campaignTypes.map((type) => `${campaignTypeLabels[type]} campaigns`)];
            return (
              <li key={policy.id} className="space-y-2 rounded-lg border border-slate-200 p-3 sm:p-4">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <h3 className="font-medium text-slate-900">{policy.name}</h3>
                  {canEdit && (
                    <div className="flex flex-wrap gap-2">
                      <Button variant="secondary" aria-label={`Edit ${policy.name}`} onClick={() => setEditing({ ...policy, policyId: policy.id })}>
                        Edit
                      </Button>
                      <ConfirmDelete
                        buttonLabel="Delete"
                        buttonName={`Delete ${policy.name}`}
                        question={`Delete the policy “${policy.name}”?`}
                        onDelete={async () => {
                          await remove.mutateAsync({ policyId: policy.id });
                          confirmAction(`Policy “${policy.name}” deleted.`);
                          await queryClient.invalidateQueries(trpc.approvalPolicy.list.queryFilter());
                        }}
                      >
                        Requests already made under it go on as they started; new ones follow no policy for its defaults.
                      </ConfirmDelete>
                    </div>
                  )}
                </div>
                <p className="text-sm text-slate-600">{defaults.length > 0 ? `Default for ${defaults.join(", ")}` : "Not a default for any channel or campaign type"}</p>
                <ol className="space-y-1 text-sm text-slate-800">
                  {policy.stages.map((stage, index) => (
                    <li key={index} className="break-words">
                      {describeStage(stage, index, names)}
                    </li>
                  ))}
                </ol>
                <p className="text-xs text-slate-500">
                  {policy.requireChecks ? "Content checks must pass first" : "Content checks are advice only"} ·{" "}
                  {policy.allowSelfApproval ? "requesters may approve their own requests" : "requesters can't approve their own requests"}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <ApprovalPolicyDialog policy={editing} members={members} onClose={() => setEditing(null)} />
    </section>
  );
}
