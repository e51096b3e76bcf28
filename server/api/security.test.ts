// The security matrix: every procedure of appRouter, called by people who must
// not get through. Procedures are enumerated from the router itself, so one
// added later fails here until it has a row in `samples`.
import type { AnyTRPCProcedure } from "@trpc/server";
import { describe, expect } from "vitest";
import type { Database } from "@/db";
import { createCampaign, createContentItem, createMilestone, createTeam, createWorkflowRun, dayFromToday } from "@/db/factories";
import { type MemberRole, memberRoles } from "@/db/schema/workspaces";
import { type Caller, callError, callerFor, signedOutCaller } from "@/server/api/test-caller";
import { test } from "@/db/test-db";
import { type Snapshot, snapshotDatabase } from "@/db/test-snapshot";
import { inviteMember } from "@/server/services/invitations/invite-member";
import { blackoutDates, campaignTemplates } from "@/db/schema";
import { appRouter } from "./root";
import { hasRole } from "@/server/auth/roles";

/**
 * A workspace with one member per role, one open invitation (which also put an
 * email in its outbox), two workflow runs, and the marketer's draft campaign with
 * a milestone and a content item, plus an archived campaign; its own webinar
 * timeline template and a blackout date.
 */
async function seedTeam(db: Database, name: string) {
  const team = await createTeam(db, { name });
  const slug = name.toLowerCase().replaceAll(" ", "-");
  const invitation = await inviteMember(db, {
    workspaceId: team.workspace.id,
    actorId: team.admin.id,
    email: `invitee@${slug}.test`,
    role: "marketer",
  });
  // Runs of the workspace's workflows: one asleep (to cancel or wake), one failed (to retry).
  const sleepingRun = await createWorkflowRun(db, { workspaceId: team.workspace.id, status: "sleeping" });
  const failedRun = await createWorkflowRun(db, { workspaceId: team.workspace.id, status: "failed" });
  const campaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.marketer.id, name: `${name} spring launch` });
  const milestone = await createMilestone(db, { workspaceId: team.workspace.id, campaignId: campaign.id });
  const contentItem = await createContentItem(db, { workspaceId: team.workspace.id, campaignId: campaign.id, title: `${name} teaser post` });
  const archivedCampaign = await createCampaign(db, {
    workspaceId: team.workspace.id,
    ownerId: team.manager.id,
    status: "archived",
    statusBeforeArchive: "completed",
  });
  await db.insert(campaignTemplates).values({
    workspaceId: team.workspace.id,
    type: "webinar",
    milestones: [{ name: `${name} webinar prep`, businessDaysBeforeLaunch: 5 }, { name: "Webinar day", businessDaysBeforeLaunch: 0 }],
  });
  const [blackout] = await db
    .insert(blackoutDates)
    .values({ workspaceId: team.workspace.id, startDate: dayFromToday(20), endDate: dayFromToday(21), reason: `${name} offsite` })
    .returning();
  return { ...team, invitation, sleepingRun, failedRun, campaign, milestone, contentItem, archivedCampaign, blackout: blackout! };
}
type Team = Awaited<ReturnType<typeof seedTeam>>;

/** Who may call: anyone; anyone signed in (acting on their own account, not a workspace); or members from a role up. */
type Access = "public" | "signed-in" | MemberRole;

interface Sample {
  access: Access;
  /** A valid input aimed at `team`'s data; the matrix aims it at another workspace too. */
  input?: (team: Team) => unknown;
}

// One row per procedure path. The first test fails for a procedure without one.
const samples: Record<string, Sample> = {
  "workspace.list": { access: "signed-in" },
  "workspace.current": { access: "viewer" },
  "workspace.create": { access: "signed-in", input: () => ({ name: "Probe Workspace" }) },
  "member.list": { access: "viewer" },
  "member.changeRole": { access: "admin", input: (team) => ({ userId: team.marketer.id, role: "viewer" }) },
  "member.remove": { access: "admin", input: (team) => ({ userId: team.marketer.id }) },
  "invitation.list": { access: "admin" },
  "invitation.create": { access: "admin", input: (team) => ({ email: team.invitation.email, role: "admin" }) },
  "invitation.revoke": { access: "admin", input: (team) => ({ invitationId: team.invitation.id }) },
  "outbox.list": { access: "admin" },
  "workflow.listRuns": { access: "manager", input: () => ({}) },
  "workflow.listFunctions": { access: "manager" },
  "workflow.getRun": { access: "manager", input: (team) => ({ runId: team.sleepingRun.id }) },
  "workflow.cancelRun": { access: "manager", input: (team) => ({ runId: team.sleepingRun.id }) },
  "workflow.retryRun": { access: "manager", input: (team) => ({ runId: team.failedRun.id }) },
  "workflow.wakeStep": { access: "manager", input: (team) => ({ runId: team.sleepingRun.id, stepId: "step-nap" }) },
  "calendar.range": {
    access: "viewer",
    input: () => ({ from: dayFromToday(-31), to: dayFromToday(30), timeZone: "Europe/Berlin" }),
  },
  "calendar.filterOptions": { access: "viewer" },
  "calendarFeed.get": { access: "viewer" },
  "calendarFeed.create": { access: "viewer" },
  "calendarFeed.revoke": { access: "viewer" },
  "campaign.list": { access: "viewer", input: () => ({}) },
  "campaign.get": { access: "viewer", input: (team) => ({ campaignId: team.campaign.id }) },
  "campaign.activity": { access: "viewer", input: (team) => ({ campaignId: team.campaign.id }) },
  "campaign.create": {
    access: "marketer",
    input: (team) => ({
      name: "Probe campaign",
      type: "webinar",
      ownerId: team.marketer.id,
      startDate: dayFromToday(0),
      launchDate: dayFromToday(5),
      endDate: dayFromToday(10),
    }),
  },
  "campaign.update": { access: "marketer", input: (team) => ({ campaignId: team.campaign.id, name: "Renamed campaign" }) },
  "campaign.setStatus": { access: "marketer", input: (team) => ({ campaignId: team.campaign.id, status: "planned" }) },
  "campaign.restore": { access: "marketer", input: (team) => ({ campaignId: team.archivedCampaign.id }) },
  "campaign.delete": { access: "marketer", input: (team) => ({ campaignId: team.campaign.id }) },
  "milestone.create": { access: "marketer", input: (team) => ({ campaignId: team.campaign.id, name: "Probe milestone", dueDate: dayFromToday(3) }) },
  "milestone.update": { access: "marketer", input: (team) => ({ milestoneId: team.milestone.id, name: "Renamed milestone", completed: true }) },
  "milestone.reschedule": { access: "marketer", input: (team) => ({ milestoneId: team.milestone.id, dueDate: dayFromToday(6) }) },
  "milestone.delete": { access: "marketer", input: (team) => ({ milestoneId: team.milestone.id }) },
  "milestone.regenerate": { access: "marketer", input: (team) => ({ campaignId: team.campaign.id, bufferDays: 1 }) },
  "template.list": { access: "viewer" },
  "template.preview": { access: "viewer", input: () => ({ type: "webinar", launchDate: dayFromToday(20) }) },
  "template.update": {
    access: "manager",
    input: () => ({ type: "webinar", milestones: [{ name: "Probe prep", businessDaysBeforeLaunch: 3 }] }),
  },
  "template.reset": { access: "manager", input: () => ({ type: "webinar" }) },
  "settings.get": { access: "viewer" },
  "settings.update": {
    access: "admin",
    input: () => ({ holidayCountry: "DE", timeZone: "Europe/Berlin", channelDailyLimit: 4, milestoneBufferDays: 1 }),
  },
  "settings.listBlackouts": { access: "viewer" },
  "settings.addBlackout": { access: "manager", input: () => ({ startDate: dayFromToday(40), endDate: dayFromToday(41), reason: "Probe offsite" }) },
  "settings.removeBlackout": { access: "manager", input: (team) => ({ blackoutId: team.blackout.id }) },
  "content.list": { access: "viewer", input: (team) => ({ campaignId: team.campaign.id }) },
  "content.get": { access: "viewer", input: (team) => ({ contentItemId: team.contentItem.id }) },
  "content.diff": { access: "viewer", input: (team) => ({ contentItemId: team.contentItem.id, from: 1, to: 1 }) },
  "content.create": {
    access: "marketer",
    input: (team) => ({ campaignId: team.campaign.id, channel: "linkedin", title: "Probe post", body: "Hello from the probe" }),
  },
  "content.update": { access: "marketer", input: (team) => ({ contentItemId: team.contentItem.id, body: "A changed body" }) },
  "content.reschedule": {
    access: "marketer",
    input: (team) => ({ contentItemId: team.contentItem.id, localDateTime: `${dayFromToday(3)}T09:00`, timeZone: "Europe/Berlin" }),
  },
  "content.delete": { access: "marketer", input: (team) => ({ contentItemId: team.contentItem.id }) },
};

// At runtime `_def.procedures` is flat, keyed by dotted path ("member.list"); its type is the nested record.
const procedures = appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>;
const paths = Object.keys(procedures).sort();

function sampleFor(path: string): Sample {
  const sample = samples[path];
  if (!sample) throw new Error(`${path} has no row in \`samples\` (server/api/security.test.ts): add its access and a sample input`);
  return sample;
}

/** Calls a procedure by its dotted path, as a client request would. */
async function call(caller: Caller, path: string, input: unknown) {
  const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (procedure as (input: unknown) => Promise<unknown>)(input);
}

async function settle(promise: Promise<unknown>) {
  try {
    return { value: await promise, error: undefined };
  } catch (error) {
    return { value: undefined, error: error as Error & { code?: string } };
  }
}

/** The rows that are `team`'s: its workspace, its members' accounts, and everything filed under the workspace. */
function rowsOf(snapshot: Snapshot, team: Team): Snapshot {
  const ids = new Set<unknown>([team.workspace.id, ...memberRoles.map((role) => team[role].id)]);
  return Object.fromEntries(
    Object.entries(snapshot).map(([table, rows]) => [table, rows.filter((row) => ids.has(row.id) || ids.has(row.workspaceId))]),
  );
}

/** Strings that only `team`'s data contains: none may show up in what another workspace's member gets back. */
async function secretsOf(db: Database, team: Team): Promise<string[]> {
  const own = rowsOf(await snapshotDatabase(db), team);
  return [
    team.workspace.id,
    team.workspace.name,
    team.invitation.id,
    ...memberRoles.flatMap((role) => [team[role].id, team[role].email]),
    ...own.outbox_emails!.flatMap((email) => [String(email.id), String(email.subject)]),
    ...own.workflow_runs!.map((run) => String(run.id)),
    ...own.campaigns!.flatMap((campaign) => [String(campaign.id), String(campaign.name)]),
    ...own.content_items!.flatMap((item) => [String(item.id), String(item.title)]),
    ...own.milestones!.map((milestone) => String(milestone.id)),
    ...own.blackout_dates!.flatMap((blackout) => [String(blackout.id), String(blackout.reason)]),
  ];
}

const rolesBelow = (access: Access) => memberRoles.filter((role) => access !== "public" && access !== "signed-in" && !hasRole(role, access));
const lowestAllowedRole = (access: Access) => [...memberRoles].reverse().find((role) => !rolesBelow(access).includes(role))!;

describe("security matrix", () => {
  test("has a row for every procedure of appRouter, and none for procedures that are gone", () => {
    expect(Object.keys(appRouter._def.lazy), "lazy routers are not enumerated: load them here first").toEqual([]);
    expect(paths.filter((path) => !samples[path]), "procedures missing from `samples`").toEqual([]);
    expect(Object.keys(samples).filter((path) => !procedures[path]), "rows for procedures that no longer exist").toEqual([]);
  });

  test("no mutation inside a workspace is open to viewers", () => {
    // workspace.create is "signed-in": it makes a new workspace for the caller and touches none of theirs.
    // A calendar feed link is the caller's own and only reads the workspace: viewers may subscribe.
    const ownLinks = ["calendarFeed.create", "calendarFeed.revoke"];
    const openToViewers = paths.filter((path) => {
      const { access } = sampleFor(path);
      if (ownLinks.includes(path)) return false;
      return procedures[path]!._def.type === "mutation" && access !== "signed-in" && (access === "public" || hasRole("viewer", access));
    });
    expect(openToViewers).toEqual([]);
  });

  describe.each(paths)("%s", (path) => {
    test("a member of another workspace, aiming at this one's ids, neither reads nor changes its data", async ({ db }) => {
      const { access, input } = sampleFor(path);
      const alpha = await seedTeam(db, "Alpha Agency");
      const beta = await seedTeam(db, "Beta Brands");
      const before = await snapshotDatabase(db);
      const secrets = await secretsOf(db, alpha);

      // Beta's admin passes every role check in Beta: only the workspace scoping stands in the way.
      const outcome = await settle(call(await callerFor(db, beta.admin, beta.workspace.id), path, input?.(alpha)));

      if (access !== "public") expect(outcome.error?.code ?? "ok").not.toMatch(/UNAUTHORIZED|FORBIDDEN/);
      expect(rowsOf(await snapshotDatabase(db), alpha)).toEqual(rowsOf(before, alpha));
      const seen = JSON.stringify(outcome.error ? { message: outcome.error.message } : (outcome.value ?? null));
      for (const secret of secrets) expect(seen, `${path} returned Alpha's data`).not.toContain(secret);
    });

    test("roles below the required one are FORBIDDEN and change nothing; the required role gets through", async ({ db }) => {
      const { access, input } = sampleFor(path);
      const team = await seedTeam(db, "Alpha Agency");
      const before = await snapshotDatabase(db);

      for (const role of rolesBelow(access)) {
        const error = await callError(call(await callerFor(db, team[role]), path, input?.(team)));
        expect(error.code, `${role} calling ${path}`).toBe("FORBIDDEN");
      }
      expect(await snapshotDatabase(db)).toEqual(before);

      // So the refusals above were about the role, not about a broken sample input.
      await call(await callerFor(db, team[lowestAllowedRole(access)]), path, input?.(team));
      // An account-level call by a viewer still leaves the viewer's workspace as it was.
      if (access === "signed-in") expect(rowsOf(await snapshotDatabase(db), team)).toEqual(rowsOf(before, team));
    });

    test("a signed-out caller is UNAUTHORIZED (unless the procedure is public) and changes nothing", async ({ db }) => {
      const { access, input } = sampleFor(path);
      const team = await seedTeam(db, "Alpha Agency");
      const before = await snapshotDatabase(db);

      const outcome = await settle(call(signedOutCaller(db), path, input?.(team)));

      if (access === "public") {
        expect(outcome.error?.code).not.toBe("UNAUTHORIZED");
      } else {
        expect(outcome.error?.code).toBe("UNAUTHORIZED");
        expect(await snapshotDatabase(db)).toEqual(before);
      }
    });
  });
});
