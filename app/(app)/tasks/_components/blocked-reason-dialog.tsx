"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Asks what blocks a task before it goes to Blocked (the card keeps the reason).
 * A modal <dialog>: the browser keeps focus inside it and Escape cancels.
 */
export function BlockedReasonDialog({ title, onConfirm, onCancel }: { title: string | null; onConfirm: (reason: string) => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const fieldId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (title !== null && !dialog.open) {
      setReason("");
      setError(null);
      dialog.showModal();
    }
    if (title === null && dialog.open) dialog.close();
  }, [title]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      className="w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <form
        className="space-y-4 p-5"
        onSubmit={(event) => {
          event.preventDefault();
          if (!reason.trim()) {
            setError("Say what blocks it, so the team knows what to clear.");
            return;
          }
          onConfirm(reason.trim());
        }}
      >
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          What blocks “{title}”?
        </h2>
        <div className="space-y-1">
          <label htmlFor={fieldId} className="block text-sm font-medium text-slate-800">
            Reason
          </label>
          <textarea
            id={fieldId}
            autoFocus
            rows={3}
            maxLength={500}
            value={reason}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${fieldId}-error` : undefined}
            onChange={(event) => setReason(event.target.value)}
            placeholder="Waiting on legal to approve the claims"
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/20"
          />
          {error && (
            <p id={`${fieldId}-error`} className="text-sm text-red-700">
              {error}
            </p>
          )}
        </div>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit">Move to Blocked</Button>
        </div>
      </form>
    </dialog>
  );
}
