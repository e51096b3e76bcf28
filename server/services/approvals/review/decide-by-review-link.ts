// A decision posted from the review page, carrying the link's token and the
// version the page showed. The token is checked again and must still belong to
// a waiting approver of the request's current round; the decision itself is the
// one every approver makes (decide-approval.ts), as that approver row.
import type { Database } from "@/db";
import { AppError } from "@/server/errors";
import { decideApproval } from "../decide-approval";
import type { ReviewDecisionInput } from "./review.schema";
import { INVALID_REVIEW_LINK, linkRefusal, verifyReviewLink } from "./find-review";

const thanks = { approved: "You approved it. Thank you!", rejected: "You rejected it. Your comment was sent to the requester.", changes_requested: "You asked for changes. Your comment was sent to the requester." };

export async function decideByReviewLink(db: Database, input: ReviewDecisionInput & { now?: Date }): Promise<{ message: string }> {
  const link = await verifyReviewLink(db, input.token);
  if (!link) throw new AppError("FORBIDDEN", INVALID_REVIEW_LINK);
  const refusal = await linkRefusal(db, link);
  if (refusal) throw new AppError("CONFLICT", refusal.message);
  await decideApproval(db, {
    workspaceId: link.request.workspaceId,
    by: { approverId: link.approver.id },
    requestId: link.request.id,
    version: input.version,
    decision: input.decision,
    comment: input.comment,
    anchor: null,
    now: input.now,
  });
  return { message: thanks[input.decision] };
}
