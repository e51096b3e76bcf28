"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
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
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="version" value={version} />
      {state.message && <Alert>{state.message}</Alert>}
      <TextAreaField
        label="Comment"
        name="comment"
        rows={4}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        errors={state.fieldErrors?.comment}
        hint="Required when you request changes or reject."
      />
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
