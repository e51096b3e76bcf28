"use server";

import { headers } from "next/headers";
import { getDb } from "@/db";
import { type FormState, formStateFromError, formText } from "@/components/forms/form-state";
import { clientAddress } from "@/server/auth/client-address";
import { env } from "@/server/env";
import { decideByReviewLink } from "@/server/services/approvals/review/decide-by-review-link";
import { limitReviewLink } from "@/server/services/approvals/review/review-rate-limit";
import { reviewDecisionInput } from "@/server/services/approvals/review/review.schema";

/** What the form shows after a decision: the thanks, or why nothing changed. */
export interface ReviewFormState extends FormState {
  done?: boolean;
}

/** The review page's decision: the token and the version shown travel with it; opening the page never gets here. */
export async function decideReviewAction(_previous: ReviewFormState, formData: FormData): Promise<ReviewFormState> {
  const values = { comment: formText(formData, "comment") };
  const parsed = reviewDecisionInput.safeParse({
    token: formText(formData, "token"),
    version: Number(formText(formData, "version")),
    decision: formText(formData, "decision"),
    comment: values.comment,
  });
  if (!parsed.success) return formStateFromError(parsed.error, values);
  const db = await getDb();
  try {
    await limitReviewLink(db, clientAddress(await headers(), env.TRUST_PROXY));
    const { message } = await decideByReviewLink(db, parsed.data);
    return { message, done: true };
  } catch (error) {
    return formStateFromError(error, values);
  }
}
