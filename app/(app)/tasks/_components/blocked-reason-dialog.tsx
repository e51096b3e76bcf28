"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ModalDialog } from "@/components/ui/modal-dialog";

/**
 * Asks what blocks a task before it goes to Blocked (the card keeps the reason).
 * A modal <dialog>: the browser keeps focus inside it and Escape cancels.
 */
export function BlockedReasonDialog({ title, onConfirm, onCancel }: { title: string | null; onConfirm: (reason: string) => void; onCancel: () => void }) {
  const headingId = useId();
  return (
    <ModalDialog open={title !== null} onClose={onCancel} labelledBy={headingId} className="w-[min(28rem,calc(100vw-2rem))]">
      {/* Mounted while open only: each opening starts with an empty reason. */}
      {title !== null && <ReasonForm title={title} headingId={headingId} onConfirm={onConfirm} onCancel={onCancel} />}
    </ModalDialog>
  );
}

function ReasonForm({ title, headingId, onConfirm, onCancel }: { title: string; headingId: string; onConfirm: (reason: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const fieldId = useId();
  return (
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
  );
}
