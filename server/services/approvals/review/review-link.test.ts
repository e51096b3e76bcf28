// The emailed review link: its token opens only its own approver row, opening
// the page writes nothing, and a decision through it counts only while that
// approver's round waits, on the version the page showed.
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, test as plainTest } from "vitest";
import type { Database } from "@/db";
import { createCampaign, createContentItem, createTeam } from "@/db/factories";
import {
  approvalApprovers,
  approvalDecisions,
  approvalRequests,
  auditLog,
  contentItems,
  contentVersions,
  eventOutbox,
  notifications,
  outboxEmails,
} from "@/db/schema";
import { test } from "@/db/test-db";
import { AppError } from "@/server/errors";
import { saveApprovalPolicy } from "@/server/services/approval-policies/save-approval-policy";
import { updateContentItem } from "@/server/services/content/update-content-item";
import { decideApproval } from "../decide-approval";
import { requestContentApproval } from "../request-approval";
import { decideByReviewLink } from "./decide-by-review-link";
import { findReview, INVALID_REVIEW_LINK } from "./find-review";
import { limitReviewLink, REVIEW_LINK_LIMITS, TOO_MANY_REVIEWS } from "./review-rate-limit";
import { approverIdOf, reviewToken, reviewTokenMatches } from "./review-token";

async function setUp(db: Database) {
  const team = await createTeam(db, { name: "Alpha" });
  await saveApprovalPolicy(db, {
    workspaceId: team.workspace.id,
    actorId: team.admin.id,
    name: "Client sign-off",
    stages: [
      {
        name: "Client review",
        approvers: { userIds: [team.manager.id], roles: [], emails: ["nia@client.example", "olu@client.example"] },
        rule: "all",
        quorum: null,
        remindEveryHours: null,
        timeout: { amount: 2, unit: "business_days" },
        onTimeout: { remind: true, escalateTo: null, then: "wait" },
      },
    ],
    allowSelfApproval: false,
    requireChecks: false,
    campaignTypes: [],
    channels: ["linkedin"],
  });
  const campaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.manager.id, name: "Spring launch" });
  const item = await createContentItem(db, { workspaceId: team.workspace.id, campaignId: campaign.id, title: "Spring teaser", body: "Spring is here." });
  const media = [{ url: "https://cdn.example/teaser.png", alt: "A tulip field at dawn" }];
  await db.update(contentItems).set({ media }).where(eq(contentItems.id, item.id));
  await db.update(contentVersions).set({ media }).where(eq(contentVersions.contentItemId, item.id));
  const request = await requestContentApproval(db, { workspaceId: team.workspace.id, actorId: team.marketer.id, contentItemId: item.id });
  const approvers = await db.select().from(approvalApprovers).where(eq(approvalApprovers.requestId, request.id)).orderBy(asc(approvalApprovers.email));
  const external = (email: string) => approvers.find((approver) => approver.email === email)!;
  return { team, item, request, nia: external("nia@client.example"), olu: external("olu@client.example") };
}

async function decide(db: Database, token: string, overrides: { version?: number; decision?: "approved" | "rejected" | "changes_requested"; comment?: string } = {}) {
  try {
    return await decideByReviewLink(db, { token, version: 1, decision: "approved", comment: "", ...overrides });
  } catch (error) {
    if (error instanceof AppError) return { refused: error.fieldErrors ? Object.values(error.fieldErrors)[0]![0] : error.message };
    throw error;
  }
}

/** Everything a decision, a notification or an email would touch. */
async function snapshot(db: Database) {
  return Promise.all([
    db.select().from(approvalRequests),
    db.select().from(approvalApprovers).orderBy(asc(approvalApprovers.id)),
    db.select().from(approvalDecisions),
    db.select().from(contentItems),
    db.select().from(auditLog).orderBy(asc(auditLog.id)),
    db.select().from(notifications).orderBy(asc(notifications.id)),
    db.select().from(outboxEmails).orderBy(asc(outboxEmails.id)),
    db.select().from(eventOutbox),
  ]);
}

describe("review tokens", () => {
  const approver = { id: "7d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a", tokenNonce: "nonce-one" };
  plainTest("a token is its approver's id and a signature of its nonce; only the very same token matches", () => {
    const token = reviewToken(approver);
    expect(approverIdOf(token)).toBe(approver.id);
    expect(reviewTokenMatches(token, approver)).toBe(true);
    // Another nonce (a new round), a tampered signature, another approver's id on this signature.
    expect(reviewTokenMatches(token, { ...approver, tokenNonce: "nonce-two" })).toBe(false);
    expect(reviewTokenMatches(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, approver)).toBe(false);
    const other = { id: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", tokenNonce: "nonce-one" };
    expect(reviewTokenMatches(`${other.id}.${token.split(".")[1]}`, other)).toBe(false);
    for (const malformed of ["", "abc", `${approver.id}`, `${approver.id}.short`, `${token}.more`, "not-a-uuid.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"]) {
      expect(approverIdOf(malformed)).toBeNull();
    }
  });
});

describe("the review page", () => {
  test("opening the link shows only the item, and changes nothing", async ({ db }) => {
    const { nia, team } = await setUp(db);
    const before = await snapshot(db);
    const review = await findReview(db, { token: reviewToken(nia) });
    expect(review).toEqual({
      state: "open",
      item: {
        title: "Spring teaser",
        body: "Spring is here.",
        media: [{ url: "https://cdn.example/teaser.png", alt: "A tulip field at dawn" }],
        channel: "linkedin",
        version: 1,
        stageName: "Client review",
        stageNumber: 1,
        stageCount: 1,
        requesterName: team.marketer.name,
        reviewerName: "nia@client.example",
        dueAt: expect.any(Date),
      },
    });
    expect(await snapshot(db)).toEqual(before);
  });

  test("forged tokens and other approvers' signatures are refused, and nothing changes", async ({ db }) => {
    const { nia, olu } = await setUp(db);
    const before = await snapshot(db);
    const forged = `${nia.id}.${"A".repeat(43)}`;
    const borrowed = `${nia.id}.${reviewToken(olu).split(".")[1]}`;
    for (const token of [forged, borrowed, "garbage", `${crypto.randomUUID()}.${"A".repeat(43)}`]) {
      expect(await findReview(db, { token })).toEqual({ state: "invalid", message: INVALID_REVIEW_LINK });
      expect(await decide(db, token)).toEqual({ refused: INVALID_REVIEW_LINK });
    }
    expect(await snapshot(db)).toEqual(before);
  });

  test("a decision through the link counts as that approver's, on the version shown, with a comment where one is needed", async ({ db }) => {
    const { nia, olu, request, team } = await setUp(db);
    expect(await decide(db, reviewToken(nia), { decision: "rejected" })).toEqual({ refused: "Say why you reject it: the comment is required." });
    expect(await decide(db, reviewToken(nia), { version: 2 })).toEqual({
      refused: "The content changed while you were looking: the request is now on version 1, and you decided on version 2. Review version 1 and decide again.",
    });
    expect(await decide(db, reviewToken(nia))).toEqual({ message: "You approved it. Thank you!" });
    const [decision] = await db.select().from(approvalDecisions).where(eq(approvalDecisions.approverId, nia.id));
    expect([decision!.byName, decision!.decision, decision!.userId]).toEqual(["nia@client.example", "approved", null]);
    // Used again: already decided, nothing more.
    expect(await findReview(db, { token: reviewToken(nia) })).toEqual({ state: "decided", message: "You already approved it. Thank you: there is nothing more to do with this link." });
    expect(await decide(db, reviewToken(nia))).toEqual({ refused: "You already approved it. Thank you: there is nothing more to do with this link." });

    // The others approve: the request is approved and every link has expired.
    await decideByReviewLink(db, { token: reviewToken(olu), version: 1, decision: "approved", comment: "" });
    await decideApproval(db, { workspaceId: team.workspace.id, by: { userId: team.manager.id }, requestId: request.id, version: 1, decision: "approved", comment: "", anchor: null });
    const [approved] = await db.select().from(approvalRequests).where(eq(approvalRequests.id, request.id));
    expect(approved!.status).toBe("approved");
    expect(await findReview(db, { token: reviewToken(olu) })).toEqual({ state: "closed", message: "This link has expired: the request was approved." });
  });

  test("a new version expires the old links: the request starts over with new ones", async ({ db }) => {
    const { nia, item, request, team } = await setUp(db);
    await updateContentItem(db, { workspaceId: team.workspace.id, actorId: team.marketer.id, contentItemId: item.id, body: "Spring is finally here." });
    const [restarted] = await db.select().from(approvalRequests).where(eq(approvalRequests.id, request.id));
    expect(restarted!.round).toBe(request.round + 1);
    const expired = "This link has expired: the content changed and a new link was sent.";
    expect(await findReview(db, { token: reviewToken(nia) })).toEqual({ state: "closed", message: expired });
    expect(await decide(db, reviewToken(nia), { version: 2 })).toEqual({ refused: expired });
    const [fresh] = await db
      .select()
      .from(approvalApprovers)
      .where(and(eq(approvalApprovers.requestId, request.id), eq(approvalApprovers.round, restarted!.round), eq(approvalApprovers.email, "nia@client.example")));
    const review = await findReview(db, { token: reviewToken(fresh!) });
    expect(review.state === "open" && [review.item.version, review.item.body]).toEqual([2, "Spring is finally here."]);
  });

  test("each address gets a budget of views and decisions", async ({ db }) => {
    for (let n = 0; n < REVIEW_LINK_LIMITS.requestsPerAddress; n++) await limitReviewLink(db, "203.0.113.7");
    await expect(limitReviewLink(db, "203.0.113.7")).rejects.toThrow(TOO_MANY_REVIEWS);
    await limitReviewLink(db, "203.0.113.8");
  });
});
