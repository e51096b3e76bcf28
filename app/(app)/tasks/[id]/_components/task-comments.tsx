"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { errorMessage, fieldErrors } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { confirmAction } from "@/components/ui/toaster";
import { DateTime } from "@/components/viewer/formatted";
import { encodeMentions, splitMentions } from "@/server/services/tasks/mentions";
import { type Member, MentionTextarea } from "./mention-textarea";
import type { TaskView } from "./task-view";

/** The comment thread, mentions shown as names, and a box to add one (with @mention suggestions). */
export function TaskComments({ task, members, canEdit }: { task: TaskView; members: Member[]; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const comment = useMutation(trpc.task.comment.mutationOptions());
  const [text, setText] = useState("");
  const [mentioned, setMentioned] = useState<Member[]>([]);
  const [error, setError] = useState<string | undefined>();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      await comment.mutateAsync({ taskId: task.id, body: encodeMentions(text, mentioned) });
      confirmAction("Comment added.");
      setText("");
      setMentioned([]);
      await queryClient.invalidateQueries(trpc.task.get.queryFilter({ taskId: task.id }));
    } catch (caught) {
      setError(fieldErrors(caught).body?.[0] ?? errorMessage(caught));
    }
  }

  return (
    <section aria-labelledby="comments-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="comments-heading" className="text-lg font-semibold">
        Comments
      </h2>
      {task.comments.length === 0 ? (
        <p className="text-sm text-slate-500">No comments yet.</p>
      ) : (
        <ol aria-label="Comments" className="space-y-3">
          {task.comments.map((c) => (
            <li key={c.id} className="rounded-lg bg-slate-50 px-3 py-2">
              <p className="text-xs text-slate-600">
                <span className="font-medium text-slate-800">{c.authorName ?? "A former member"}</span> · <DateTime value={c.createdAt} />
              </p>
              <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-900">
                {splitMentions(c.body).map((part, index) =>
                  "text" in part ? (
                    <Fragment key={index}>{part.text}</Fragment>
                  ) : (
                    <span key={index} className="rounded bg-brand-50 px-1 font-medium text-brand-800">
                      @{task.mentionNames[part.memberId] ?? "a former member"}
                    </span>
                  ),
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
      {canEdit && (
        <form onSubmit={(event) => void submit(event)} aria-label="Add a comment" className="space-y-2" noValidate>
          <MentionTextarea
            label="Comment"
            value={text}
            onChange={setText}
            members={members}
            error={error}
            onMention={(member) => setMentioned((chosen) => (chosen.some((m) => m.id === member.id) ? chosen : [...chosen, member]))}
          />
          <Button type="submit" disabled={comment.isPending || text.trim() === ""}>
            Comment
          </Button>
        </form>
      )}
    </section>
  );
}
