// Two calls raced many times on a real PostgreSQL server, where transactions
// really run at the same time (PGlite runs one at a time, so it cannot race and
// these tests are skipped there). Each race may end either way round, but never
// with a server error, and always with one of the outcomes the calls allow.
import { and, eq } from "drizzle-orm";
import { describe, expect, inject } from "vitest";
import type { Database } from "@/db";
import { addMember, createCampaign, createContentItem, createMilestone, createTeam, createUser, dayFromToday } from "@/db/factories";
import { campaigns, contentItems, memberships, milestones } from "@/db/schema";
import type { MemberRole } from "@/db/schema/workspaces";
import { test } from "@/db/test-db";
import { type Caller, callerFor } from "@/server/api/test-caller";
import { type Outcome, outcome, tally } from "./race-outcome";

const onPostgres = inject("testDatabaseTemplate").kind === "postgres";
const ROUNDS = 20;

describe.skipIf(!onPostgres)("races on PostgreSQL", () => {
  test(`campaign.delete against content.update, ${ROUNDS} rounds: the campaign is gone, and the update either landed first or finds nothing`, async ({ db }) => {
    const team = await createTeam(db);
    const [manager, marketer] = [await callerFor(db, team.manager), await callerFor(db, team.marketer)];
    const deletes: Outcome[] = [];
    const updates: Outcome[] = [];
    // Rounds that left the campaign or its item behind.
    let survived = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const campaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.marketer.id });
      const item = await createContentItem(db, { workspaceId: team.workspace.id, campaignId: campaign.id });

      const [deleted, updated] = await Promise.all([
        outcome(manager.campaign.delete({ campaignId: campaign.id })),
        outcome(marketer.content.update({ contentItemId: item.id, body: `Round ${round}: we are live.` })),
      ]);
      deletes.push(deleted);
      updates.push(updated);
      const left = [
        ...(await db.select().from(campaigns).where(eq(campaigns.id, campaign.id))),
        ...(await db.select().from(contentItems).where(eq(contentItems.id, item.id))),
      ];
      if (left.length > 0) survived++;
    }
    expect({ deletes: tally(deletes), updates: tally(updates), survived }).toEqual({
      deletes: { OK: ROUNDS },
      survived: 0,
      updates: expect.toSatisfy((counts: Record<string, number>) => Object.keys(counts).every((key) => key === "OK" || key === "NOT_FOUND")),
    });
  });

  test(`campaign.delete against milestone.reschedule, ${ROUNDS} rounds: the campaign is gone, and the move either landed first or finds nothing`, async ({ db }) => {
    const team = await createTeam(db);
    const [manager, marketer] = [await callerFor(db, team.manager), await callerFor(db, team.marketer)];
    const deletes: Outcome[] = [];
    const moves: Outcome[] = [];
    let survived = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const campaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.marketer.id });
      const milestone = await createMilestone(db, { workspaceId: team.workspace.id, campaignId: campaign.id, dueDate: dayFromToday(5) });

      const [deleted, moved] = await Promise.all([
        outcome(manager.campaign.delete({ campaignId: campaign.id })),
        outcome(marketer.milestone.reschedule({ milestoneId: milestone.id, dueDate: dayFromToday(6) })),
      ]);
      deletes.push(deleted);
      moves.push(moved);
      if ((await db.select().from(milestones).where(eq(milestones.campaignId, campaign.id))).length > 0) survived++;
    }
    expect({ deletes: tally(deletes), moves: tally(moves), survived }).toEqual({
      deletes: { OK: ROUNDS },
      survived: 0,
      moves: expect.toSatisfy((counts: Record<string, number>) => Object.keys(counts).every((key) => key === "OK" || key === "NOT_FOUND")),
    });
  });

  test(`milestone.regenerate against milestone.reschedule, ${ROUNDS} rounds: the timeline is the template's, and the move either landed first or finds nothing`, async ({ db }) => {
    const team = await createTeam(db);
    const [manager, marketer] = [await callerFor(db, team.manager), await callerFor(db, team.marketer)];
    const regenerations: Outcome[] = [];
    const moves: Outcome[] = [];
    // Rounds whose timeline is not exactly the one regenerate returned.
    let inconsistent = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const campaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.marketer.id });
      const milestone = await createMilestone(db, { workspaceId: team.workspace.id, campaignId: campaign.id, dueDate: dayFromToday(5) });

      const [regenerated, moved] = await Promise.all([
        outcome(manager.milestone.regenerate({ campaignId: campaign.id })),
        outcome(marketer.milestone.reschedule({ milestoneId: milestone.id, dueDate: dayFromToday(6) })),
      ]);
      regenerations.push(regenerated);
      moves.push(moved);
      const timeline = await db.select().from(milestones).where(eq(milestones.campaignId, campaign.id));
      const regeneratedIds = regenerated.ok ? (regenerated.value as { milestones: { id: string }[] }).milestones.map((m) => m.id).sort() : [];
      if (timeline.map((m) => m.id).sort().join() !== regeneratedIds.join()) inconsistent++;
    }
    expect({ regenerations: tally(regenerations), moves: tally(moves), inconsistent }).toEqual({
      regenerations: { OK: ROUNDS },
      inconsistent: 0,
      moves: expect.toSatisfy((counts: Record<string, number>) => Object.keys(counts).every((key) => key === "OK" || key === "NOT_FOUND")),
    });
  });

  test("an admin demoted by another admin while making themself admin again, 30 rounds: never both answered OK with the demoted admin still an admin", async ({ db }) => {
    const team = await createTeam(db);
    const first = await callerFor(db, team.admin);
    const demotions: Outcome[] = [];
    const promotions: Outcome[] = [];
    let stillAdmin = 0;
    for (let round = 0; round < 30; round++) {
      const second = await createUser(db, { name: `Second Admin ${round}` });
      await addMember(db, { workspaceId: team.workspace.id, userId: second.id, role: "admin" });
      const other = await callerFor(db, second);

      const [demoted, promoted] = await Promise.all([
        outcome(first.member.changeRole({ userId: second.id, role: "marketer" })),
        outcome(other.member.changeRole({ userId: second.id, role: "admin" })),
      ]);
      demotions.push(demoted);
      promotions.push(promoted);
      const [membership] = await db
        .select({ role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.workspaceId, team.workspace.id), eq(memberships.userId, second.id)));
      if (membership?.role === "admin") stillAdmin++;
    }
    // The demotion always lands; the self-promotion either came first (and was
    // undone by it) or finds its author no longer an admin.
    expect({ demotions: tally(demotions), promotions: tally(promotions), stillAdmin }).toEqual({
      demotions: { OK: 30 },
      promotions: expect.toSatisfy((counts: Record<string, number>) => Object.keys(counts).every((key) => key === "OK" || key === "FORBIDDEN")),
      stillAdmin: 0,
    });
  });

  type Team = Awaited<ReturnType<typeof createTeam>>;
  type Who = "admin" | "manager" | "marketer";

  /**
   * Starts `call` while another transaction holds an uncommitted change of the
   * actor's membership (a new role, or none), then commits that change: the call
   * must wait for it and decide on the role the actor has now, not on the one
   * its request started with.
   */
  async function whileRoleChanges(db: Database, team: Team, who: Who, to: MemberRole | "removed", call: (caller: Caller) => Promise<unknown>) {
    const caller = await callerFor(db, team[who]);
    const mine = and(eq(memberships.workspaceId, team.workspace.id), eq(memberships.userId, team[who].id));
    let pending!: Promise<Outcome>;
    await db.transaction(async (tx) => {
      if (to === "removed") await tx.delete(memberships).where(mine);
      else await tx.update(memberships).set({ role: to }).where(mine);
      pending = outcome(call(caller));
      // Long enough for the call to reach its own transaction (and, unfixed, finish).
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    return pending;
  }

  const cases: { name: string; who: Who; to: MemberRole | "removed"; call: (caller: Caller, team: Team, db: Database) => Promise<unknown> }[] = [
    {
      name: "a marketer made a viewer while saving content",
      who: "marketer",
      to: "viewer",
      call: async (caller, team, db) => {
        const campaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.marketer.id });
        const item = await createContentItem(db, { workspaceId: team.workspace.id, campaignId: campaign.id });
        return caller.content.update({ contentItemId: item.id, body: "Changed" });
      },
    },
    {
      name: "a marketer removed while moving a milestone",
      who: "marketer",
      to: "removed",
      call: async (caller, team, db) => {
        const campaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.marketer.id });
        const milestone = await createMilestone(db, { workspaceId: team.workspace.id, campaignId: campaign.id });
        return caller.milestone.reschedule({ milestoneId: milestone.id, dueDate: dayFromToday(8) });
      },
    },
    {
      name: "a manager made a marketer while approving a campaign",
      who: "manager",
      to: "marketer",
      call: async (caller, team, db) => {
        const campaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.marketer.id, status: "in_review" });
        return caller.campaign.setStatus({ campaignId: campaign.id, status: "approved" });
      },
    },
    {
      name: "a manager made a marketer while deleting someone else's campaign",
      who: "manager",
      to: "marketer",
      call: async (caller, team, db) => {
        const campaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.marketer.id });
        return caller.campaign.delete({ campaignId: campaign.id });
      },
    },
    {
      name: "an admin made a manager while inviting",
      who: "admin",
      to: "manager",
      call: (caller) => caller.invitation.create({ email: "late@example.test", role: "admin" }),
    },
    {
      name: "an admin made a manager while revoking an invitation",
      who: "admin",
      to: "manager",
      call: async (caller, team, db) => {
        const invitation = await (await callerFor(db, team.admin)).invitation.create({ email: "kept@example.test", role: "viewer" });
        return caller.invitation.revoke({ invitationId: invitation.id });
      },
    },
    {
      name: "an admin made a manager while promoting someone",
      who: "admin",
      to: "manager",
      call: (caller, team) => caller.member.changeRole({ userId: team.viewer.id, role: "admin" }),
    },
    {
      name: "an admin made a manager while removing someone",
      who: "admin",
      to: "manager",
      call: (caller, team) => caller.member.remove({ userId: team.viewer.id }),
    },
    {
      name: "an admin made a manager while changing the workspace's settings",
      who: "admin",
      to: "manager",
      call: (caller) => caller.settings.update({ holidayCountry: "DE", timeZone: "Europe/Berlin", channelDailyLimit: 4, milestoneBufferDays: 2, reminderLeadHours: 24, escalationBusinessDays: 2 }),
    },
    {
      name: "a manager made a marketer while adding a blackout date",
      who: "manager",
      to: "marketer",
      call: (caller) => caller.settings.addBlackout({ startDate: dayFromToday(3), endDate: dayFromToday(4), reason: "Offsite" }),
    },
    {
      name: "a manager made a marketer while editing a timeline template",
      who: "manager",
      to: "marketer",
      call: (caller) => caller.template.update({ type: "webinar", milestones: [{ name: "Dry run", businessDaysBeforeLaunch: 1 }] }),
    },
  ];

  for (const { name, who, to, call } of cases) {
    test(`${name}: the call waits for the change and is refused (FORBIDDEN)`, async ({ db }) => {
      const team = await createTeam(db);
      // The admin cases need another admin to stay behind after the demotion.
      const other = await createUser(db, { name: "Other Admin" });
      await addMember(db, { workspaceId: team.workspace.id, userId: other.id, role: "admin" });

      const ended = await whileRoleChanges(db, team, who, to, (caller) => call(caller, team, db));

      expect(ended).toMatchObject({ ok: false, code: "FORBIDDEN" });
    });
  }
});
