import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { welcomeWorkspace } from "./welcome-workspace";

// The steps that touch the database are covered by the onboarding services' tests
// (plan-follow-up.test.ts counts the business days, holidays included); here they
// are mocked by id to check the flow: when it waits, and when it follows up.
const workspaceId = "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f";
const actorId = "0f1e2d3c-4b5a-4697-8877-665544332211";
// A Friday afternoon: two business days later is Tuesday.
const friday = Date.parse("2026-11-20T15:30:00Z");
const tuesday = "2026-11-24T15:30:00.000Z";

function engine(started: boolean) {
  return new InngestTestEngine({
    function: welcomeWorkspace,
    events: [{ name: "workspace/created", data: { workspaceId, actorId }, ts: friday }],
    steps: [
      { id: "send-welcome-email", handler: () => ({ sent: true }) },
      { id: "plan-follow-up", handler: () => tuesday },
      { id: "wait-two-business-days", handler() {} },
      { id: "check-progress", handler: () => ({ campaigns: started ? 1 : 0, members: 1, started }) },
      { id: "send-follow-up-email", handler: () => ({ sent: true }) },
    ],
  });
}

describe("welcome-workspace", () => {
  it("welcomes, sleeps until two business days later, and follows up when the workspace has not got going", async () => {
    const { result, ctx } = await engine(false).execute();
    expect(result).toEqual({ followUp: true, progress: { campaigns: 0, members: 1, started: false } });
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("wait-two-business-days", tuesday);
    const ran = (ctx.step.run as unknown as { mock: { calls: unknown[][] } }).mock.calls.map((call) => call[0]);
    expect(ran).toEqual(["send-welcome-email", "plan-follow-up", "check-progress", "send-follow-up-email"]);
  });

  it("sends no follow-up to a workspace that has invited or gained members", async () => {
    const { result, ctx } = await engine(true).execute();
    expect(result).toMatchObject({ followUp: false });
    const ran = (ctx.step.run as unknown as { mock: { calls: unknown[][] } }).mock.calls.map((call) => call[0]);
    expect(ran).not.toContain("send-follow-up-email");
  });
});
