"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { clsx } from "clsx";
import { useEffect, useId, useRef, useState } from "react";
import { errorMessage, fieldErrors } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { confirmAction } from "@/components/ui/toaster";
import type { ApprovalDecisionKind } from "@/db/schema/enum-values";
import type { Passage } from "./channel-preview";

/** What a shortcut asked for: a decision chosen, `at` counting presses so each one is heard. */
export interface DecideIntent {
  decision: ApprovalDecisionKind;
  at: number;
}

const choices: { decision: ApprovalDecisionKind; label: string; done: string }[] = [
  { decision: "approved", label: "Approve", done: "Approved" },
  { decision: "changes_requested", label: "Request changes", done: "Changes requested" },
  { decision: "rejected", label: "Reject", done: "Rejected" },
];

/**
 * Approve, request changes or reject the version on screen, with a comment
 * (required for the latter two: the server says so by the field), optionally
 * about a passage selected in the preview. A shortcut chooses the decision and
 * puts focus where the next key finishes it: the button to approve, the comment to explain.
 */
export function DecideForm({
  request,
  intent,
  passage,
  onClearPassage,
  onDecided,
}: {
  request: { id: string; version: number; title: string };
  intent: DecideIntent | null;
  passage: Passage | null;
  onClearPassage: () => void;
  onDecided: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const decide = useMutation(trpc.approval.decide.mutationOptions());
  const [decision, setDecision] = useState<ApprovalDecisionKind>("approved");
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const headingId = useId();

  // A new shortcut press chooses its decision (during render, so the focus below lands on the right button).
  const [seenIntent, setSeenIntent] = useState(intent);
  if (intent !== seenIntent) {
    setSeenIntent(intent);
    if (intent) setDecision(intent.decision);
  }
  useEffect(() => {
    if (!intent) return;
    formRef.current?.scrollIntoView({ block: "nearest" });
    // After the render that shows the chosen decision.
    requestAnimationFrame(() => {
      if (intent.decision === "approved") submitRef.current?.focus();
      else formRef.current?.querySelector("textarea")?.focus();
    });
  }, [intent]);

  const choice = choices.find((c) => c.decision === decision)!;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    setErrors({});
    try {
      const outcome = await decide.mutateAsync({
        requestId: request.id,
        version: request.version,
        decision,
        comment: comment.trim(),
        anchor: passage ? { start: passage.start, end: passage.end } : null,
      });
      const next =
        outcome.effect === "next_stage" ? " It moved to the next stage." : outcome.effect === "counted" ? " It waits on the other approvers of this stage." : "";
      confirmAction(`${choice.done}: “${request.title}”.${next}`);
      setComment("");
      onClearPassage();
      // The next request opens at once; the lists catch up behind it.
      onDecided();
      await queryClient.invalidateQueries(trpc.approval.pathFilter());
    } catch (caught) {
      const byField = fieldErrors(caught);
      setErrors(byField);
      setError(Object.keys(byField).length > 0 ? null : errorMessage(caught));
    }
  }

  return (
    <form ref={formRef} aria-labelledby={headingId} onSubmit={(event) => void submit(event)} noValidate className="space-y-3 rounded-xl border-2 border-brand-100 bg-white p-4">
      <h3 id={headingId} className="font-semibold">
        Your decision on version {request.version}
      </h3>
      {error && <Alert>{error}</Alert>}
      <fieldset>
        <legend className="sr-only">Decision</legend>
        <div className="flex flex-wrap gap-2">
          {choices.map((c) => (
            <label
              key={c.decision}
              className={clsx(
                "inline-flex cursor-pointer items-center gap-2 rounded-md border px-3 py-1.5 text-sm font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600",
                decision === c.decision ? "border-brand-600 bg-white text-brand-800" : "border-slate-300 bg-white text-slate-700",
              )}
            >
              <input type="radio" name="decision" value={c.decision} checked={decision === c.decision} onChange={() => setDecision(c.decision)} className="accent-brand-600" />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
      {passage && (
        <div className="flex items-start justify-between gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
          <p>
            <span className="font-medium">About the passage:</span> “{passage.quote}”
          </p>
          <Button type="button" variant="ghost" className="px-2 py-1" onClick={onClearPassage}>
            Remove passage
          </Button>
        </div>
      )}
      <TextAreaField
        label={decision === "approved" ? "Comment (optional)" : "Comment (required)"}
        rows={3}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        errors={errors.comment}
        hint={passage ? undefined : "Select words in the preview to comment on a passage."}
      />
      {errors.anchor && <p className="text-sm text-red-700">{errors.anchor[0]}</p>}
      <Button ref={submitRef} type="submit" variant={decision === "rejected" ? "danger" : "primary"} disabled={decide.isPending}>
        {choice.label}
      </Button>
    </form>
  );
}
