"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { DateTime } from "@/components/viewer/formatted";
import { roleLabels } from "@/components/roles";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmAction } from "@/components/ui/toaster";
import { useResendInvitation } from "./use-resend-invitation";

export function InvitationsList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: invitations } = useSuspenseQuery(trpc.invitation.list.queryOptions());
  const revoke = useMutation(
    trpc.invitation.revoke.mutationOptions({
      onSuccess: (_result, input) => {
        const email = invitations.find((invitation) => invitation.id === input.invitationId)?.email;
        confirmAction(email ? `The invitation for ${email} was withdrawn.` : "The invitation was withdrawn.");
      },
      onSettled: () => queryClient.invalidateQueries(trpc.invitation.list.queryFilter()),
    }),
  );
  const resend = useResendInvitation();

  return (
    <section aria-labelledby="invitations-heading" className="space-y-3">
      <h2 id="invitations-heading" className="font-semibold">
        Pending invitations
      </h2>
      {revoke.error && <Alert>{errorMessage(revoke.error)}</Alert>}
      {resend.error && <Alert>{errorMessage(resend.error)}</Alert>}
      {invitations.length === 0 ? (
        <p className="text-sm text-slate-600">No one is waiting to join.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
              <div>
                <p className="font-medium">{invitation.email}</p>
                <p className="text-slate-500">
                  {roleLabels[invitation.role]} · invited by {invitation.invitedBy} ·{" "}
                  {invitation.expired ? (
                    <span className="text-amber-700">expired, invite again to renew</span>
                  ) : (
                    <>
                      expires <DateTime value={invitation.expiresAt} dateOnly />
                    </>
                  )}
                </p>
              </div>
              <div className="flex gap-2">
                {!invitation.expired && (
                  <Button
                    variant="secondary"
                    disabled={resend.isPending}
                    aria-label={`Resend the invitation to ${invitation.email}`}
                    onClick={() => resend.resend(invitation.id)}
                  >
                    Resend
                  </Button>
                )}
                <Button
                  variant="danger"
                  disabled={revoke.isPending}
                  aria-label={`Withdraw the invitation for ${invitation.email}`}
                  onClick={() => revoke.mutate({ invitationId: invitation.id })}
                >
                  Withdraw
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
