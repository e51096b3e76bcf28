"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/react";
import { ConfirmDelete } from "@/components/ui/confirm-delete";
import { confirmAction } from "@/components/ui/toaster";

/** Deleting takes the task's comments and links with it, so it asks first. */
export function DeleteTask({ taskId, title, afterHref }: { taskId: string; title: string; afterHref: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.task.delete.mutationOptions());

  return (
    <ConfirmDelete
      buttonLabel="Delete task"
      question="Delete this task?"
      onDelete={async () => {
        await remove.mutateAsync({ taskId });
        confirmAction(`Deleted “${title}”.`);
        router.push(afterHref);
        // The lists only: refetching this page's own task would find it gone.
        await Promise.all(
          [trpc.task.board, trpc.task.column, trpc.task.list, trpc.task.today].map((path) => queryClient.invalidateQueries(path.pathFilter())),
        );
      }}
    >
      Delete “{title}” with its comments? Tasks that wait on it stop waiting. This can’t be undone; its history stays in the activity log.
    </ConfirmDelete>
  );
}
