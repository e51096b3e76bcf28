import { and, eq } from "drizzle-orm";
import { describe, expect, test as plainTest } from "vitest";
import { createTeam, createWorkflowRun } from "@/db/factories";
import { workflowSteps } from "@/db/schema";
import { test } from "@/db/test-db";
import { inviteMember } from "@/server/services/invitations/invite-member";
import { type RunFacts, describeRun, runSentence } from "./describe-run";
import { getRun } from "./get-run";
import { listRuns } from "./list-runs";

const tuesday = new Date("2026-12-01T09:00:00Z");
const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const facts = (overrides: Partial<RunFacts>): RunFacts => ({
  functionId: "welcome-workspace",
  functionName: "Welcome a new workspace",
  eventName: "workspace/created",
  status: "completed",
  workspaceName: "Acme",
  inviteeEmail: null,
  taskTitle: null,
  approvalTitle: null,
  memberName: null,
  pausedStep: null,
  wakesAt: null,
  ...overrides,
});

describe("describeRun", () => {
  plainTest("a welcome run asleep before its follow-up says whose it is and when it carries on", () => {
    const summary = describeRun(facts({ status: "sleeping", pausedStep: "wait-two-business-days", wakesAt: tuesday }));
    expect(summary).toEqual({ text: "Welcome email for Acme, follow-up sleeping until", until: tuesday });
    expect(runSentence(summary, utc)).toBe("Welcome email for Acme, follow-up sleeping until 2026-12-01 09:00 UTC");
  });

  plainTest("known functions name their subject; finished runs say how they ended", () => {
    expect(describeRun(facts({})).text).toBe("Welcome email for Acme, done");
    // As Inngest stores it, behind the app's id.
    expect(describeRun(facts({ functionId: "crescendo-welcome-workspace" })).text).toBe("Welcome email for Acme, done");
    const invitation = facts({ functionId: "send-invitation-email", eventName: "member/invited", inviteeEmail: "nia@example.test" });
    expect(describeRun({ ...invitation, status: "failed" }).text).toBe("Invitation email to nia@example.test, failed");
    expect(describeRun({ ...invitation, status: "queued" }).text).toBe("Invitation email to nia@example.test, waiting to start");
    expect(describeRun({ ...invitation, status: "cancelled", inviteeEmail: null }).text).toBe("Invitation email, cancelled");
    const reminders = facts({ functionId: "remind-task-due", eventName: "task/due.scheduled", taskTitle: "Draft the launch email", status: "sleeping" });
    expect(runSentence(describeRun({ ...reminders, pausedStep: "wait-for-due-soon", wakesAt: tuesday }), utc)).toBe(
      "Reminders for “Draft the launch email”, “due soon” reminder sleeping until 2026-12-01 09:00 UTC",
    );
    expect(describeRun({ ...reminders, status: "cancelled", taskTitle: null }).text).toBe("Reminders for a deleted task, cancelled");
    const email = facts({ functionId: "send-notification-emails", memberName: "Tom Becker", status: "sleeping", pausedStep: "wait-until-send-time", wakesAt: tuesday });
    expect(runSentence(describeRun(email), utc)).toBe("Notifications for Tom Becker, email sleeping until 2026-12-01 09:00 UTC");
  });

  plainTest("an approval stage's SLA run names the item and the checkpoint it waits for, unless decided first", () => {
    const sla = facts({ functionId: "crescendo-approval-stage-sla", eventName: "approval/stage.started", approvalTitle: "Spring teaser", status: "waiting", wakesAt: tuesday });
    expect(runSentence(describeRun({ ...sla, pausedStep: "wait-for-escalation" }), utc)).toBe(
      "Approval deadlines for “Spring teaser”, escalation unless decided before 2026-12-01 09:00 UTC",
    );
    expect(describeRun({ ...sla, pausedStep: "wait-for-reminder-3" }).text).toBe("Approval deadlines for “Spring teaser”, reminder unless decided before");
    expect(describeRun({ ...sla, status: "completed", approvalTitle: null }).text).toBe("Approval deadlines for a deleted request, done");
  });

  plainTest("digest runs say which digest, in which workspace, and how they ended", () => {
    const daily = facts({ functionId: "crescendo-send-daily-digest", functionName: "Send a daily digest", eventName: "digest/daily.due" });
    expect(describeRun(daily).text).toBe("Today's work email in Acme, done");
    expect(describeRun({ ...daily, memberName: "Tom Becker" }).text).toBe("Today's work email for Tom Becker in Acme, done");
    expect(describeRun({ ...daily, workspaceName: null, status: "queued" }).text).toBe("Today's work email, waiting to start");
    expect(describeRun({ ...daily, functionId: "crescendo-send-weekly-digest", status: "failed" }).text).toBe("Weekly campaign summary in Acme, failed");
    expect(describeRun({ ...daily, functionId: "crescendo-find-due-digests", workspaceName: null, status: "running" }).text).toBe("Looking for digests that are due, running now");
  });

  plainTest("other functions are named with what started them, and a wake time only while paused", () => {
    expect(describeRun(facts({ functionId: "tidy-up", functionName: "Tidy up", eventName: "member/invited", status: "running" }))).toEqual({
      text: "Tidy up, because a teammate was invited, running now",
      until: null,
    });
    expect(describeRun(facts({ functionId: "tidy-up", functionName: "Tidy up", eventName: "odd/event", status: "waiting", wakesAt: tuesday }))).toEqual({
      text: "Tidy up, because an event came in, waiting for an event until",
      until: tuesday,
    });
    expect(describeRun(facts({ status: "completed", wakesAt: tuesday })).until).toBeNull();
  });
});

describe("runs in plain words", () => {
  test("listRuns and getRun describe each run with its workspace, invitee and wake time", async ({ db }) => {
    const team = await createTeam(db, { name: "Acme" });
    const welcome = await createWorkflowRun(db, {
      workspaceId: team.workspace.id,
      status: "sleeping",
      functionId: "crescendo-welcome-workspace",
      eventName: "workspace/created",
    });
    await db.update(workflowSteps).set({ name: "wait-two-business-days", dueAt: tuesday }).where(and(eq(workflowSteps.runId, welcome.id), eq(workflowSteps.stepId, "step-nap")));
    const invitation = await inviteMember(db, { workspaceId: team.workspace.id, actorId: team.admin.id, email: "nia@example.test", role: "viewer" });
    const invite = await createWorkflowRun(db, {
      workspaceId: team.workspace.id,
      status: "completed",
      functionId: "crescendo-send-invitation-email",
      eventName: "member/invited",
      data: { invitationId: invitation.id },
    });
    // Event data that is not an id reads as "no invitee" instead of failing the page.
    await createWorkflowRun(db, { workspaceId: team.workspace.id, status: "failed", functionId: "send-invitation-email", eventName: "member/invited", data: { invitationId: "not-an-id" } });

    const { runs } = await listRuns(db, { workspaceId: team.workspace.id });
    const sentences = Object.fromEntries(runs.map((run) => [run.id, runSentence(run.summary, utc)]));
    expect(sentences[welcome.id]).toBe("Welcome email for Acme, follow-up sleeping until 2026-12-01 09:00 UTC");
    expect(sentences[invite.id]).toBe("Invitation email to nia@example.test, done");
    expect(Object.values(sentences)).toContain("Invitation email, failed");

    const detail = await getRun(db, { workspaceId: team.workspace.id, runId: welcome.id });
    expect(detail.summary).toEqual({ text: "Welcome email for Acme, follow-up sleeping until", until: tuesday });
  });
});
