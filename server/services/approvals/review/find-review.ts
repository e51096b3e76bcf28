// What an emailed review link opens: checked by recomputing its token from the
// approver row it names, then read with nothing written (a link scanner that
// opens it changes nothing). An external reviewer sees only the item asked about.
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import {
  type ApprovalApprover,
  type ApprovalRequest,
  approvalApprovers,
  approvalDecisions,
  approvalRequests,
  campaigns,
  contentItems,
  contentVersions,
  users,
} from "@/db/schema";
import type { MediaReference } from "@/db/schema/content";
import type { Channel } from "@/db/schema/enum-values";
import { stageAt } from "../stage-lifecycle";
import { approverIdOf, reviewTokenMatches } from "./review-token";

export const INVALID_REVIEW_LINK = "This review link is not valid. Open the link from your email again, and make sure it was copied whole.";

const closedWords: Record<Exclude<ApprovalRequest["status"], "pending">, string> = {
  approved: "the request was approved",
  rejected: "the request was rejected",
  changes_requested: "changes were requested, and a new link will be sent when it is resubmitted",
  expired: "the request expired",
  withdrawn: "the request was withdrawn",
};

export interface ReviewItem {
  title: string;
  body: string;
  media: MediaReference[];
  channel: Channel | null;
  version: number;
  stageName: string;
  stageNumber: number;
  stageCount: number;
  requesterName: string;
  /** Who the link is for: a member's name or the reviewer's address. */
  reviewerName: string;
  dueAt: Date | null;
}

export type Review =
  | { state: "invalid"; message: string }
  | { state: "closed"; message: string }
  | { state: "decided"; message: string }
  | { state: "open"; item: ReviewItem };

export interface VerifiedLink {
  approver: ApprovalApprover;
  request: ApprovalRequest;
}

/** The approver row and request a token belongs to, or null for a malformed, unknown or forged token. */
export async function verifyReviewLink(db: Database, token: string): Promise<VerifiedLink | null> {
  const approverId = approverIdOf(token);
  if (!approverId) return null;
  const [row] = await db
    .select({ approver: approvalApprovers, request: approvalRequests })
    .from(approvalApprovers)
    .innerJoin(approvalRequests, and(eq(approvalRequests.id, approvalApprovers.requestId), eq(approvalRequests.workspaceId, approvalApprovers.workspaceId)))
    .where(eq(approvalApprovers.id, approverId));
  if (!row || !reviewTokenMatches(token, row.approver)) return null;
  return row;
}

/** Why a verified link no longer decides anything, or null while its round waits on this approver. */
export async function linkRefusal(db: Database, { approver, request }: VerifiedLink): Promise<{ state: "closed" | "decided"; message: string } | null> {
  if (request.status !== "pending") return { state: "closed", message: `This link has expired: ${closedWords[request.status]}.` };
  if (approver.round !== request.round) {
    // A later stage means it moved on; the same or an earlier one, that it started over on a new version.
    return {
      state: "closed",
      message:
        request.stageIndex > approver.stageIndex
          ? "This link has expired: the request moved on to its next stage."
          : "This link has expired: the content changed and a new link was sent.",
    };
  }
  if (!approver.waiting) {
    const [decision] = await db
      .select({ decision: approvalDecisions.decision })
      .from(approvalDecisions)
      .where(eq(approvalDecisions.approverId, approver.id))
      .orderBy(desc(approvalDecisions.createdAt));
    const words = decision ? { approved: "approved it", rejected: "rejected it", changes_requested: "asked for changes" }[decision.decision] : "decided";
    return { state: "decided", message: `You already ${words}. Thank you: there is nothing more to do with this link.` };
  }
  return null;
}

export async function findReview(db: Database, input: { token: string }): Promise<Review> {
  const link = await verifyReviewLink(db, input.token);
  if (!link) return { state: "invalid", message: INVALID_REVIEW_LINK };
  const refusal = await linkRefusal(db, link);
  if (refusal) return refusal;
  const { approver, request } = link;
  const stage = stageAt(request);
  const [requester] = request.requestedById ? await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, request.requestedById)) : [];
  const [reviewer] = approver.userId ? await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, approver.userId)) : [];
  return {
    state: "open",
    item: {
      ...(await subjectOf(db, request)),
      channel: request.channel,
      version: request.version,
      stageName: stage.name,
      stageNumber: request.stageIndex + 1,
      stageCount: request.stages.length,
      requesterName: requester?.name || requester?.email || "A former member",
      reviewerName: reviewer?.name || reviewer?.email || approver.email || "",
      dueAt: request.stageDueAt,
    },
  };
}

/** The version asked about: an item's title, text and images at that version; a campaign plan's name and brief. */
async function subjectOf(db: Database, request: ApprovalRequest): Promise<Pick<ReviewItem, "title" | "body" | "media">> {
  if (request.subject === "content_item" && request.contentItemId) {
    const [version] = await db
      .select({ title: contentVersions.title, body: contentVersions.body, media: contentVersions.media })
      .from(contentVersions)
      .where(and(eq(contentVersions.contentItemId, request.contentItemId), eq(contentVersions.version, request.version)));
    if (version) return version;
    const [item] = await db.select({ title: contentItems.title, body: contentItems.body, media: contentItems.media }).from(contentItems).where(eq(contentItems.id, request.contentItemId));
    return item ?? { title: "A content item", body: "", media: [] };
  }
  const [campaign] = await db.select({ name: campaigns.name, goal: campaigns.goal }).from(campaigns).where(eq(campaigns.id, request.campaignId));
  return { title: `${campaign?.name ?? "A campaign"}: the plan`, body: campaign?.goal ?? "", media: [] };
}
