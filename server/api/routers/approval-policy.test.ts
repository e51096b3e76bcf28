import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { addMember, approvalStage, createTeam, createUser, uniqueEmail } from "@/db/factories";
import { auditLog, memberships } from "@/db/schema";
import { test } from "@/db/test-db";
import { snapshotDatabase } from "@/db/test-snapshot";
import { callError, callerFor, fieldErrorsOf } from "@/server/api/test-caller";
import type { SaveApprovalPolicyInput } from "@/server/services/approval-policies/approval-policies.schema";

type Stage = SaveApprovalPolicyInput["stages"][number];

const stage = (fields: Partial<Stage> = {}): Stage =>
  approvalStage({ name: "Marketing review", remindEveryHours: 4, timeout: { amount: 8, unit: "business_hours" }, onTimeout: { remind: true, escalateTo: { userIds: [], roles: ["admin"] }, then: "approve" }, ...fields });

const policy = (fields: Partial<SaveApprovalPolicyInput> = {}): SaveApprovalPolicyInput => ({
  name: "Social posts",
  stages: [stage()],
  allowSelfApproval: false,
  requireChecks: true,
  campaignTypes: [],
  channels: ["linkedin", "x"],
  ...fields,
});

describe("approvalPolicy router", () => {
  test("an admin creates a two-stage policy; every member reads it, another workspace doesn't; it is audited", async ({ db }) => {
    const team = await createTeam(db);
    const other = await createTeam(db);
    const admin = await callerFor(db, team.admin);

    const saved = await admin.approvalPolicy.save(
      policy({
        stages: [
          stage({ approvers: { userIds: [team.manager.id, team.manager.id], roles: [], emails: ["Legal@Agency.test"] }, rule: "all", quorum: 5 }),
          stage({ name: "Sign-off", approvers: { userIds: [], roles: ["admin"], emails: [] }, remindEveryHours: null, timeout: { amount: 2, unit: "business_days" } }),
        ],
        campaignTypes: ["product_launch"],
      }),
    );
    // Stored once each, the email lower-cased, and no quorum for a rule that takes none.
    expect(saved.stages[0]!.approvers).toEqual({ userIds: [team.manager.id], roles: [], emails: ["legal@agency.test"] });
    expect(saved.stages[0]!.quorum).toBeNull();

    const listed = await (await callerFor(db, team.viewer)).approvalPolicy.list();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: saved.id, name: "Social posts", channels: ["linkedin", "x"], campaignTypes: ["product_launch"], requireChecks: true, allowSelfApproval: false });
    expect(listed[0]!.stages.map((s) => s.name)).toEqual(["Marketing review", "Sign-off"]);
    expect(await (await callerFor(db, other.admin)).approvalPolicy.list()).toEqual([]);

    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityType, "approval_policy"));
    expect(entry).toMatchObject({ actorId: team.admin.id, entityId: saved.id, action: "created", after: { name: "Social posts", channels: ["linkedin", "x"] } });
  });

  test("viewers, marketers and managers read but can't write", async ({ db }) => {
    const team = await createTeam(db);
    const saved = await (await callerFor(db, team.admin)).approvalPolicy.save(policy());
    const before = await snapshotDatabase(db);
    for (const role of ["viewer", "marketer", "manager"] as const) {
      const caller = await callerFor(db, team[role]);
      expect((await callError(caller.approvalPolicy.save(policy({ name: "Mine" })))).code).toBe("FORBIDDEN");
      expect((await callError(caller.approvalPolicy.delete({ policyId: saved.id }))).code).toBe("FORBIDDEN");
    }
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("an admin edits a policy by id and deletes it; another workspace's policy is not found", async ({ db }) => {
    const team = await createTeam(db);
    const other = await createTeam(db);
    const admin = await callerFor(db, team.admin);
    const saved = await admin.approvalPolicy.save(policy());

    const edited = await admin.approvalPolicy.save({ ...policy({ name: "Social and blog", channels: ["blog"] }), policyId: saved.id });
    expect(edited).toMatchObject({ id: saved.id, name: "Social and blog", channels: ["blog"] });
    const entries = await db.select().from(auditLog).where(eq(auditLog.entityId, saved.id));
    expect(entries.find((e) => e.action === "updated")).toMatchObject({ before: { name: "Social posts", channels: ["linkedin", "x"] }, after: { name: "Social and blog", channels: ["blog"] } });

    const outsider = await callerFor(db, other.admin);
    expect((await callError(outsider.approvalPolicy.save({ ...policy(), policyId: saved.id }))).code).toBe("NOT_FOUND");
    expect((await callError(outsider.approvalPolicy.delete({ policyId: saved.id }))).code).toBe("NOT_FOUND");

    expect(await admin.approvalPolicy.delete({ policyId: saved.id })).toEqual({ id: saved.id, name: "Social and blog" });
    expect(await admin.approvalPolicy.list()).toEqual([]);
    expect((await callError(admin.approvalPolicy.delete({ policyId: saved.id }))).code).toBe("NOT_FOUND");
  });

  test("bad policies are refused on their fields and nothing is written", async ({ db }) => {
    const team = await createTeam(db);
    const other = await createTeam(db);
    const admin = await callerFor(db, team.admin);
    await admin.approvalPolicy.save(policy({ name: "Launches", channels: ["email"], campaignTypes: ["product_launch"] }));
    await db.delete(memberships).where(and(eq(memberships.workspaceId, team.workspace.id), eq(memberships.userId, team.viewer.id)));
    const second = await createUser(db, { email: uniqueEmail("manager"), name: "Second Manager" });
    await addMember(db, { workspaceId: team.workspace.id, userId: second.id, role: "manager" });
    const before = await snapshotDatabase(db);
    const refused = async (input: SaveApprovalPolicyInput) => {
      const error = await callError(admin.approvalPolicy.save(input));
      expect(error.code).toMatch(/BAD_REQUEST|CONFLICT/);
      return { message: error.message, fields: fieldErrorsOf(error) };
    };

    expect((await refused(policy({ stages: [] }))).fields).toEqual({ stages: ["Add at least one stage"] });
    const nobody = await callError(admin.approvalPolicy.save(policy({ stages: [stage({ approvers: { userIds: [], roles: [], emails: [] } })] })));
    expect(nobody.message).toContain("Choose at least one approver: a member, a role or an email address");
    const noQuorum = await callError(admin.approvalPolicy.save(policy({ stages: [stage({ rule: "at_least", quorum: null })] })));
    expect(noQuorum.message).toContain("Say how many approvers must approve");
    const timeouts = await callError(
      admin.approvalPolicy.save(policy({ stages: [stage({ timeout: { amount: 1000, unit: "business_hours" }, remindEveryHours: 0 })] })),
    );
    expect(timeouts.message).toContain("Use a timeout of at most 999");
    expect(timeouts.message).toContain("Use at least 1 hour for the reminder cadence");

    // The quorum counts named members, addresses and whoever holds the roles now: the manager (named too) and a second one, and an address.
    const approvers = { userIds: [team.manager.id], roles: ["manager" as const], emails: ["legal@agency.test"] };
    const tooMany = await refused(policy({ name: "Quorum", channels: [], stages: [stage(), stage({ name: "Legal", approvers, rule: "at_least", quorum: 4 })] }));
    expect(tooMany.fields).toEqual({ "stages.1.quorum": ["4 must approve, but this stage has only 3 approvers. Lower the number or add approvers."] });
    expect(tooMany.message).toBe("4 must approve, but this stage has only 3 approvers. Lower the number or add approvers.");
    const withoutRoles = await callError(admin.approvalPolicy.save(policy({ stages: [stage({ approvers: { userIds: [team.manager.id], roles: [], emails: [] }, rule: "at_least", quorum: 2 })] })));
    expect(withoutRoles.message).toContain("2 must approve, but this stage has only 1 approver.");

    // A role nobody holds leaves the stage without approvers.
    const empty = await refused(policy({ channels: [], stages: [stage({ approvers: { userIds: [], roles: ["viewer"], emails: [] } })] }));
    expect(empty.fields).toEqual({ "stages.0.approvers": ["Nobody would approve this stage: no member holds the chosen roles. Choose members or email addresses too."] });

    // Only members of this workspace; defaults and names another policy has are named.
    const stranger = await refused(
      policy({
        name: "launches",
        campaignTypes: ["product_launch", "webinar"],
        channels: ["email", "blog"],
        stages: [stage({ approvers: { userIds: [other.manager.id], roles: [], emails: [] }, onTimeout: { remind: false, escalateTo: { userIds: [other.admin.id], roles: [] }, then: "expire" } })],
      }),
    );
    expect(stranger.fields).toEqual({
      "stages.0.approvers": ["A chosen approver is not a member of this workspace (any more). Choose from the members listed."],
      "stages.0.onTimeout.escalateTo": ["A chosen member to escalate to is not a member of this workspace (any more). Choose from the members listed."],
      name: ["There is already a policy called “Launches”. Choose another name."],
      campaignTypes: ["Product launch campaigns already follow “Launches”. Take it off that policy first."],
      channels: ["Email items already follow “Launches”. Take it off that policy first."],
    });

    expect(await snapshotDatabase(db)).toEqual(before);
  });
});
