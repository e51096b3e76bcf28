"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { decideReviewAction, type ReviewFormState } from "../actions";

const decisions = [
  { value: "approved", label: "Approve" },
  { value: "changes_requested", label: "Request changes" },
  { value: "rejected", label: "Reject" },
] as const;

/** Approve, request changes or reject, with a comment (required for the latter two). A POST with the token and the version shown. */
export function ReviewForm({ token, version }: { token: string; version: number }) {
  const [state, action, pending] = useActionState<ReviewFormState, FormData>(decideReviewAction, {});
  const [comment, setComment] = useState("");
  if (state.done) return <Alert tone="success">{state.message}</Alert>;
  const commentError = state.fieldErrors?.comment?.[0];
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="version" value={version} />
      {state.message && <Alert>{state.message}</Alert>}
      <div className="space-y-1">
        <label htmlFor="review-comment" className="block text-sm font-medium text-slate-800">
          Comment
        </label>
        <textarea
          id="review-comment"
          name="comment"
          rows={4}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          aria-describedby={commentError ? "review-comment-error" : "review-comment-hint"}
          aria-invalid={commentError ? true : undefined}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/20"
        />
        {commentError ? (
          <p id="review-comment-error" className="text-sm text-red-700">
            {commentError}
          </p>
        ) : (
          <p id="review-comment-hint" className="text-xs text-slate-500">
            Required when you request changes or reject.
          </p>
        )}
      </div>
      <div className="flex flex-col gap-2 sm:flex-row">
        {decisions.map((decision) => (
          <Button
            key={decision.value}
            type="submit"
            name="decision"
            value={decision.value}
            variant={decision.value === "approved" ? "primary" : "secondary"}
            disabled={pending}
          >
            {decision.label}
          </Button>
        ))}
      </div>
    </form>
  );
}
