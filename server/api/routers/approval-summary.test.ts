import { describe, expect } from "vitest";
import { addMember, approvalStage, createApprovalPolicy, createCampaign, createContentItem, createTeam } from "@/db/factories";
import { test } from "@/db/test-db";
import { callerFor } from "@/server/api/test-caller";
import { summarizeMyApprovals } from "@/server/services/approvals/summarize-my-approvals";

describe("the home page's approvals summary", () => {
  test("counts what waits on the member (and what of it is overdue) and where their own requests stand, in this workspace only", async ({ db }) => {
    const team = await createTeam(db, { name: "Alpha Agency" });
    const other = await createTeam(db, { name: "Beta Brands" });
    // Alpha's manager also reviews for Beta: what waits on them there is not Alpha's to count.
    await addMember(db, { workspaceId: other.workspace.id, userId: team.manager.id, role: "manager" });
    for (const { workspace, marketer } of [team, other]) {
      await createApprovalPolicy(db, { workspaceId: workspace.id, channels: ["linkedin"], stages: [approvalStage({ name: "Manager review" })] });
      const campaign = await createCampaign(db, { workspaceId: workspace.id, ownerId: marketer.id });
      for (const title of ["Teaser", "Launch post", "Recap"]) {
        const item = await createContentItem(db, { workspaceId: workspace.id, campaignId: campaign.id, title });
        await (await callerFor(db, marketer, workspace.id)).approval.request({ contentItemId: item.id });
      }
    }
    const manager = await callerFor(db, team.manager, team.workspace.id);
    const [first] = (await manager.approval.queue({ view: "waiting" })).rows;
    await manager.approval.decide({ requestId: first!.id, version: first!.version, decision: "changes_requested", comment: "Shorter, please." });

    expect(await manager.approval.summary()).toEqual({ waiting: 2, overdue: 0, inReview: 0, changesRequested: 0 });
    expect(await (await callerFor(db, team.marketer, team.workspace.id)).approval.summary()).toEqual({ waiting: 0, overdue: 0, inReview: 2, changesRequested: 1 });
    expect(await (await callerFor(db, team.viewer, team.workspace.id)).approval.summary()).toEqual({ waiting: 0, overdue: 0, inReview: 0, changesRequested: 0 });
    // Once the stage's deadline has passed, what still waits is overdue.
    const later = new Date(Date.now() + 30 * 86_400_000);
    expect(await summarizeMyApprovals(db, { workspaceId: team.workspace.id, actorId: team.manager.id, now: later })).toMatchObject({ waiting: 2, overdue: 2 });
  });
});
