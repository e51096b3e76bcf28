import { describe, expect } from "vitest";
import { approvalStage, createTeam } from "@/db/factories";
import { test } from "@/db/test-db";
import type { SaveApprovalPolicyInput } from "./approval-policies.schema";
import { findApplicablePolicy } from "./find-applicable-policy";
import { saveApprovalPolicy } from "./save-approval-policy";

const policy = (name: string, defaults: Pick<SaveApprovalPolicyInput, "campaignTypes" | "channels">): SaveApprovalPolicyInput => ({
  name,
  stages: [approvalStage()],
  allowSelfApproval: false,
  requireChecks: false,
  ...defaults,
});

describe("findApplicablePolicy", () => {
  test("a content item follows its channel's policy, else its campaign type's; a campaign plan its type's; else none", async ({ db }) => {
    const team = await createTeam(db);
    const workspaceId = team.workspace.id;
    const actor = { workspaceId, actorId: team.admin.id };
    const social = await saveApprovalPolicy(db, { ...actor, ...policy("Social", { channels: ["linkedin"], campaignTypes: [] }) });
    const launches = await saveApprovalPolicy(db, { ...actor, ...policy("Launches", { channels: [], campaignTypes: ["product_launch"] }) });

    expect((await findApplicablePolicy(db, { workspaceId, channel: "linkedin", campaignType: "product_launch" }))?.id).toBe(social.id);
    expect((await findApplicablePolicy(db, { workspaceId, channel: "email", campaignType: "product_launch" }))?.id).toBe(launches.id);
    expect((await findApplicablePolicy(db, { workspaceId, channel: null, campaignType: "product_launch" }))?.id).toBe(launches.id);
    expect(await findApplicablePolicy(db, { workspaceId, channel: null, campaignType: "webinar" })).toBeNull();
    expect(await findApplicablePolicy(db, { workspaceId, channel: "email", campaignType: "webinar" })).toBeNull();
    // The policy comes whole: what a request copies from it.
    expect(await findApplicablePolicy(db, { workspaceId, channel: "linkedin", campaignType: "webinar" })).toMatchObject({ name: "Social", allowSelfApproval: false, stages: [{ name: "Manager review", rule: "any" }] });

    const other = await createTeam(db);
    expect(await findApplicablePolicy(db, { workspaceId: other.workspace.id, channel: "linkedin", campaignType: "product_launch" })).toBeNull();
  });
});
