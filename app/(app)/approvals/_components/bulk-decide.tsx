"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, fieldErrors } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { confirmAction } from "@/components/ui/toaster";

const plural = (count: number) => (count === 1 ? "1 request" : `${count} requests`);

/**
 * Approve or reject the chosen requests with one comment. Each is decided on the
 * version the list showed; those that changed since, or no longer wait on the
 * member, are named in the confirmation with the reason and left as they were.
 */
export function BulkDecide({ items, titles, onDone }: { items: { requestId: string; version: number }[]; titles: Map<string, string>; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const bulk = useMutation(trpc.approval.bulkDecide.mutationOptions());
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);

  async function decide(decision: "approved" | "rejected") {
    setError(null);
    setErrors({});
    try {
      const { decided, skipped } = await bulk.mutateAsync({ items, decision, comment: comment.trim() });
      const verb = decision === "approved" ? "Approved" : "Rejected";
      const stale = skipped.map((item) => `“${titles.get(item.requestId) ?? "A request"}”: ${item.reason}`).join(" ");
      confirmAction(`${verb} ${plural(decided.length)}.${skipped.length > 0 ? ` Left as they were (${skipped.length}): ${stale}` : ""}`);
      setComment("");
      await queryClient.invalidateQueries(trpc.approval.pathFilter());
      onDone();
    } catch (caught) {
      const byField = fieldErrors(caught);
      setErrors(byField);
      setError(Object.keys(byField).length > 0 ? null : errorMessage(caught));
    }
  }

  return (
    <section aria-label="Decide on the selected requests" className="space-y-2 rounded-lg border-2 border-brand-100 bg-white p-3">
      <p className="text-sm font-medium">{plural(items.length)} selected</p>
      {error && <Alert>{error}</Alert>}
      <TextAreaField label="Comment for all of them" rows={2} value={comment} onChange={(event) => setComment(event.target.value)} errors={errors.comment} hint="Required to reject." />
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={bulk.isPending} onClick={() => void decide("approved")}>
          Approve selected
        </Button>
        <Button type="button" variant="danger" disabled={bulk.isPending} onClick={() => void decide("rejected")}>
          Reject selected
        </Button>
      </div>
    </section>
  );
}
