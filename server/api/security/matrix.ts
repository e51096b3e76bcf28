// The security matrix: every procedure of a group of routers, called by people
// who must not get through (another workspace's admin, lower roles, the signed out),
// checking that they change nothing and see nothing of the workspace they aim at.
import { describe, expect } from "vitest";
import type { Database } from "@/db";
import { memberRoles } from "@/db/schema/workspaces";
import { test } from "@/db/test-db";
import { type Snapshot, snapshotDatabase } from "@/db/test-snapshot";
import { callError, callerFor, signedOutCaller } from "@/server/api/test-caller";
import { transformer } from "@/server/api/transformer";
import { hasRole } from "@/server/auth/roles";
import { type Access, paths, sampleFor, type SecurityGroup, securityGroups } from "./samples";
import { call } from "./call";
import { seedTeam, type Team } from "./seed-team";

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
    ...own.tasks!.flatMap((task) => [String(task.id), String(task.title)]),
    ...own.time_off!.flatMap((away) => [String(away.id), String(away.note)]),
    ...own.notifications!.flatMap((notification) => [String(notification.id), String(notification.title)]),
    ...own.approval_policies!.flatMap((policy) => [String(policy.id), String(policy.name)]),
  ];
}

/** A procedure's answer as the browser's client receives it: serialized, sent as JSON, read back. */
function overTheWire(answer: unknown): unknown {
  return transformer.output.deserialize(JSON.parse(JSON.stringify(transformer.output.serialize(answer))));
}

const rolesBelow = (access: Access) => memberRoles.filter((role) => access !== "public" && access !== "signed-in" && !hasRole(role, access));
const lowestAllowedRole = (access: Access) => [...memberRoles].reverse().find((role) => !rolesBelow(access).includes(role))!;

/** The matrix's tests for every procedure of `group`'s routers. */
export function describeSecurityMatrix(group: SecurityGroup) {
  const routers: readonly string[] = securityGroups[group];
  const groupPaths = paths.filter((path) => routers.includes(path.split(".")[0]!));
  describe(`security matrix: ${routers.join(", ")}`, () => {
    describe.each(groupPaths)("%s", (path) => {
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
        const answer = await call(await callerFor(db, team[lowestAllowedRole(access)]), path, input?.(team));
        // The answer survives the trip to the browser: the wire format takes plain data only.
        expect(overTheWire(answer)).toEqual(answer);
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
}
