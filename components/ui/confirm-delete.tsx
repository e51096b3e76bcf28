"use client";

import { useState } from "react";
import { errorMessage } from "@/components/trpc/error-message";
import { Alert } from "./alert";
import { Button } from "./button";

/**
 * A delete button that asks first: the question, "Yes, delete it" and "Keep it"
 * (focused, so Enter keeps). A failure is shown in the question's words.
 */
export function ConfirmDelete({
  buttonLabel,
  buttonName,
  question,
  children,
  onDelete,
}: {
  buttonLabel: string;
  /** The button's accessible name, when its label alone doesn't say what it deletes (one in each row of a list). */
  buttonName?: string;
  /** The dialog's accessible name, e.g. "Delete this campaign?". */
  question: string;
  /** What deleting takes with it. */
  children: React.ReactNode;
  onDelete: () => Promise<unknown>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setError(null);
    setPending(true);
    try {
      await onDelete();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  if (!confirming) {
    return (
      <Button variant="danger" aria-label={buttonName} onClick={() => setConfirming(true)}>
        {buttonLabel}
      </Button>
    );
  }
  return (
    <div role="alertdialog" aria-label={question} className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-4">
      <p className="text-sm text-red-900">{children}</p>
      {error && <Alert>{error}</Alert>}
      <div className="flex gap-2">
        <Button variant="danger" disabled={pending} onClick={() => void confirm()}>
          Yes, delete it
        </Button>
        <Button variant="ghost" autoFocus onClick={() => setConfirming(false)}>
          Keep it
        </Button>
      </div>
    </div>
  );
}
