"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { memberRoles, roleDescriptions, roleLabels } from "@/components/roles";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmAction } from "@/components/ui/toaster";
import type { MemberRole } from "@/db/schema/workspaces";

export function MembersTable({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: members } = useSuspenseQuery(trpc.member.list.queryOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const changeRole = useMutation(
    trpc.member.changeRole.mutationOptions({
      onSuccess: (result) => {
        const who = members.find((m) => m.userId === result.userId)?.name ?? "The member";
        setFailure(null);
        confirmAction(`${who} is now ${roleLabels[result.role].toLowerCase()}.`);
      },
      onError: (error) => setFailure(errorMessage(error)),
      onSettled: () => queryClient.invalidateQueries(trpc.member.list.queryFilter()),
    }),
  );
  const remove = useMutation(
    trpc.member.remove.mutationOptions({
      onSuccess: (_result, input) => {
        const who = members.find((m) => m.userId === input.userId)?.name ?? "The member";
        setFailure(null);
        confirmAction(`${who} was removed from the workspace.`);
      },
      onError: (error) => setFailure(errorMessage(error)),
      onSettled: () => {
        setConfirming(null);
        return queryClient.invalidateQueries(trpc.member.list.queryFilter());
      },
    }),
  );

  return (
    <section aria-labelledby="members-heading" className="space-y-3">
      <h2 id="members-heading" className="font-semibold">
        Members <span className="font-normal text-slate-500">({members.length})</span>
      </h2>
      {failure && <Alert>{failure}</Alert>}
      <div className="md:overflow-x-auto md:rounded-xl md:border md:border-slate-200 md:bg-white">
        <table className="card-table w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Name</th>
              <th scope="col" className="px-4 py-2 font-medium">Email</th>
              <th scope="col" className="px-4 py-2 font-medium">Role</th>
              {isAdmin && (
                <th scope="col" className="px-4 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="md:divide-y md:divide-slate-100">
            {members.map((member) => (
              <tr key={member.userId}>
                <th scope="row" className="px-4 py-2 font-medium text-slate-900">{member.name}</th>
                <td data-label="Email" className="break-all px-4 py-2 text-slate-600">{member.email}</td>
                <td data-label="Role" className="px-4 py-2">
                  {isAdmin ? (
                    <select
                      aria-label={`Role of ${member.name}`}
                      value={member.role}
                      disabled={changeRole.isPending}
                      onChange={(event) =>
                        changeRole.mutate({ userId: member.userId, role: event.target.value as MemberRole })
                      }
                      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                    >
                      {memberRoles.map((role) => (
                        <option key={role} value={role} title={roleDescriptions[role]}>
                          {roleLabels[role]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span title={roleDescriptions[member.role]}>{roleLabels[member.role]}</span>
                  )}
                </td>
                {isAdmin && (
                  <td className="px-4 py-2 md:text-right">
                    {confirming === member.userId ? (
                      <span className="inline-flex flex-wrap items-center gap-2">
                        <span className="text-slate-600">Remove {member.name}?</span>
                        <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ userId: member.userId })}>
                          Yes, remove
                        </Button>
                        <Button variant="ghost" onClick={() => setConfirming(null)}>
                          Cancel
                        </Button>
                      </span>
                    ) : (
                      <Button variant="ghost" aria-label={`Remove ${member.name}`} onClick={() => setConfirming(member.userId)}>
                        Remove
                      </Button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
