// The security matrix's own checks: a row for every procedure, every router in a
// group (so some file tests it), and no workspace mutation open to viewers.
import { describe, expect, test } from "vitest";
import { appRouter } from "../root";
import { hasRole } from "@/server/auth/roles";
import { paths, procedures, sampleFor, samples, securityGroups } from "./samples";

describe("security matrix", () => {
  test("has a row for every procedure of appRouter, and none for procedures that are gone", () => {
    expect(Object.keys(appRouter._def.lazy), "lazy routers are not enumerated: load them here first").toEqual([]);
    expect(paths.filter((path) => !samples[path]), "procedures missing from `samples`").toEqual([]);
    expect(Object.keys(samples).filter((path) => !procedures[path]), "rows for procedures that no longer exist").toEqual([]);
  });

  test("puts every router in exactly one group, so some test file runs its procedures", () => {
    const routers = [...new Set(paths.map((path) => path.split(".")[0]!))].sort();
    const grouped = Object.values(securityGroups).flat().sort();
    expect(grouped).toEqual(routers);
  });

  test("no mutation inside a workspace is open to viewers", () => {
    // workspace.create is "signed-in": it makes a new workspace for the caller and touches none of theirs.
    // A calendar feed link is the caller's own and only reads the workspace: viewers may subscribe.
    // Viewers get notifications too: marking their own read and choosing how they get them changes nothing of the team's.
    // An approval is decided by the approvers its policy names, whatever their role (a client's reviewer may be a viewer):
    // the service lets only the current stage's approvers decide.
    const ownLinks = [
      "calendarFeed.create",
      "calendarFeed.revoke",
      "notification.markRead",
      "notification.markAllRead",
      "notification.updatePreferences",
      "approval.decide",
      "approval.bulkDecide",
    ];
    const openToViewers = paths.filter((path) => {
      const { access } = sampleFor(path);
      if (ownLinks.includes(path)) return false;
      return procedures[path]!._def.type === "mutation" && access !== "signed-in" && (access === "public" || hasRole("viewer", access));
    });
    expect(openToViewers).toEqual([]);
  });
});
