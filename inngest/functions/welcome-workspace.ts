// "workspace/created": a welcome email now; two business days later (the
// workspace's public holidays skipped, as its timelines skip them), a follow-up
// with next steps, but only if the workspace has no campaign yet. The wake time
// is computed inside a step, so every replay sleeps until the same moment.
import { getDb } from "@/db";
import { planFollowUp } from "@/server/services/onboarding/plan-follow-up";
import { sendFollowUpEmail, sendWelcomeEmail, workspaceProgress } from "@/server/services/onboarding/welcome-emails";
import { inngest } from "../client";
import { workspaceCreated } from "../events";

export const welcomeWorkspace = inngest.createFunction(
  { id: "welcome-workspace", name: "Welcome a new workspace", triggers: [workspaceCreated] },
  async ({ event, step }) => {
    await step.run("send-welcome-email", async () => sendWelcomeEmail(await getDb(), event.data));
    const followUpAt = await step.run("plan-follow-up", async () => {
      const createdAt = new Date(event.ts ?? Date.now());
      return (await planFollowUp(await getDb(), { workspaceId: event.data.workspaceId, createdAt })).toISOString();
    });
    await step.sleepUntil("wait-two-business-days", followUpAt);
    const progress = await step.run("check-progress", async () => workspaceProgress(await getDb(), event.data.workspaceId));
    if (progress.started) return { followUp: false, progress };
    await step.run("send-follow-up-email", async () => sendFollowUpEmail(await getDb(), event.data));
    return { followUp: true, progress };
  },
);
