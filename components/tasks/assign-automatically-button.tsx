"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmAction } from "@/components/ui/toaster";

type Target = { taskId: string; campaignId?: never } | { campaignId: string; taskId?: never };

/**
 * "Assign automatically" for one task (the board, its drawer) or for every
 * unassigned open task of a campaign. The toast says who got what and why; a
 * refusal, or the tasks no one fits, stay in words beside the button.
 */
export function AssignAutomaticallyButton({ variant = "secondary", ...target }: Target & { variant?: "primary" | "secondary" }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [problems, setProblems] = useState<string[]>([]);
  // The board and task pages, the workload, and the campaign's critical path (assignees' calendars change it).
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries(trpc.task.pathFilter()), queryClient.invalidateQueries(trpc.team.pathFilter()), queryClient.invalidateQueries(trpc.plan.pathFilter())]);
  const onError = (error: unknown) => setProblems([errorMessage(error)]);
  const one = useMutation(
    trpc.assignment.assignTask.mutationOptions({
      onSuccess: (result) => {
        setProblems([]);
        confirmAction(`Assigned to ${result.reason}.`);
      },
      onError,
      onSettled: refresh,
    }),
  );
  const all = useMutation(
    trpc.assignment.assignCampaign.mutationOptions({
      onSuccess: ({ assigned, unassigned }) => {
        setProblems(unassigned.map((task) => `“${task.title}”: ${task.reason}.`));
        if (assigned.length === 0 && unassigned.length === 0) confirmAction("Every open task of this campaign already has someone.");
        else if (assigned.length === 0) confirmAction("No task could be assigned: see why beside the button.");
        else confirmAction(assigned.length === 1 ? `Assigned 1 task to ${assigned[0]!.reason}.` : `Assigned ${assigned.length} tasks; each keeps the reason it went to whom.`);
      },
      onError,
      onSettled: refresh,
    }),
  );
  const pending = one.isPending || all.isPending;

  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant={variant}
        disabled={pending}
        onClick={() => (target.taskId ? one.mutate({ taskId: target.taskId }) : all.mutate({ campaignId: target.campaignId! }))}
      >
        {pending ? "Assigning…" : target.taskId ? "Assign automatically" : "Assign unassigned tasks automatically"}
      </Button>
      {problems.length > 0 && (
        <Alert>
          {problems.length === 1 ? (
            problems[0]
          ) : (
            <>
              <p>Not assigned:</p>
              <ul className="list-disc pl-5">
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </>
          )}
        </Alert>
      )}
    </div>
  );
}
